ALTER TABLE "foo"."items" ADD COLUMN "amount" numeric(10, 2) NOT NULL;
