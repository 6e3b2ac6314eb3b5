DROP TABLE "public"."bigdata";
