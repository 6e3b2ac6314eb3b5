ALTER TABLE "public"."products" ADD COLUMN "category" text;
CREATE OR REPLACE VIEW "public"."cheap_products" AS select id, name, category from products where price < 50;
