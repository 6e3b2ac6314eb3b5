ALTER TABLE "public"."items" ALTER COLUMN "supplier_id" SET NOT NULL;
ALTER TABLE "public"."item_prices" DROP CONSTRAINT "prices_item_fk";
ALTER TABLE "public"."items" DROP CONSTRAINT "items_pkey";
ALTER TABLE "public"."items" ADD PRIMARY KEY ("supplier_id", "item_id");
ALTER TABLE "public"."item_prices" ADD COLUMN "supplier_id" integer;
ALTER TABLE "public"."item_prices" ADD CONSTRAINT "prices_item_fk" FOREIGN KEY ("supplier_id", "item_id") REFERENCES "public"."items" ("supplier_id", "item_id");
