DROP TABLE "public"."sales";
DROP TABLE "public"."items";
DROP TABLE "public"."users";
