ALTER TABLE "public"."products" DROP CONSTRAINT "products_priority_check";
ALTER TABLE "public"."products" ADD CHECK (priority = ANY (ARRAY[1, 2, 3, 4, 5]));
