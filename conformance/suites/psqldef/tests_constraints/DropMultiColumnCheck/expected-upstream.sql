ALTER TABLE "public"."orders" DROP CONSTRAINT "check_customer_or_table";
