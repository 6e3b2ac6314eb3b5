ALTER TABLE "public"."products" DROP CONSTRAINT "products_status_check";
