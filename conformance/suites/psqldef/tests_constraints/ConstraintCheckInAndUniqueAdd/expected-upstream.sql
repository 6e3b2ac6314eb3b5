ALTER TABLE "public"."products" ADD CHECK (level = ANY (ARRAY[1, 2, 3, 4]));
ALTER TABLE "public"."products" ADD CONSTRAINT "products_level_key" UNIQUE ("level");
