ALTER TABLE "foo"."items" ADD COLUMN "data" bytea NOT NULL;
