ALTER TABLE "public"."items" DROP CONSTRAINT "items_user_fk";
ALTER TABLE "public"."sales" DROP CONSTRAINT "sales_user_fk";
DROP TABLE "public"."users";
