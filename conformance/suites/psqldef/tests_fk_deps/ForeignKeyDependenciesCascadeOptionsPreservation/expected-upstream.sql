ALTER TABLE "public"."categories" ADD COLUMN "tenant_id" integer NOT NULL;
ALTER TABLE "public"."products" DROP CONSTRAINT "products_category_fk";
ALTER TABLE "public"."categories" DROP CONSTRAINT "categories_pkey";
ALTER TABLE "public"."categories" ADD PRIMARY KEY ("tenant_id", "category_id");
ALTER TABLE "public"."products" ADD COLUMN "tenant_id" integer;
ALTER TABLE "public"."products" ADD CONSTRAINT "products_category_fk" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "public"."categories" ("tenant_id", "category_id") ON DELETE CASCADE ON UPDATE CASCADE;
