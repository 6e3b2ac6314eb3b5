ALTER TABLE "foo"."items" ADD COLUMN "ts" timestamp NOT NULL;
