ALTER TABLE "foo"."items" ADD COLUMN "count" integer NOT NULL;
