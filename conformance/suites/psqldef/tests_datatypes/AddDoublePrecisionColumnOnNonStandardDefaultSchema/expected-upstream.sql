ALTER TABLE "foo"."items" ADD COLUMN "dp" double precision NOT NULL;
