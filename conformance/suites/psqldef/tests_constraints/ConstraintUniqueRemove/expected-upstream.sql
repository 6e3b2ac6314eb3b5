ALTER TABLE "public"."products" DROP CONSTRAINT "products_sku_key";
