ALTER TABLE "public"."products" DROP CONSTRAINT "products_level_check";
ALTER TABLE "public"."products" DROP CONSTRAINT "products_level_key";
