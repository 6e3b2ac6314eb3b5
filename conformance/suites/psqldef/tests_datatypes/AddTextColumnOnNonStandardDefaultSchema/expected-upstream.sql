ALTER TABLE "foo"."items" ADD COLUMN "description" text NOT NULL;
