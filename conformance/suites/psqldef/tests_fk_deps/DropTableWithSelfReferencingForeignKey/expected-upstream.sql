DROP TABLE "public"."departments";
