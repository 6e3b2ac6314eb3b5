ALTER TABLE "public"."orders" ADD CHECK (priority = ANY (ARRAY[1, 2, 3]));
ALTER TABLE "public"."orders" ADD CHECK (category = ANY (ARRAY[10, 20, 30, 40]));
ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_priority_category_key" UNIQUE ("priority", "category");
