ALTER TABLE "foo"."items" ADD COLUMN "uuid_col" uuid NOT NULL;
