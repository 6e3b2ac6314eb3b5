DROP TABLE "public"."products";
