ALTER TABLE "foo"."items" ADD COLUMN "meta" jsonb NOT NULL;
