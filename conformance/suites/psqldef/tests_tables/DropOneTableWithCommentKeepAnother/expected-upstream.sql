DROP TABLE "public"."foo";
