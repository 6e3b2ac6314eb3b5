ALTER TABLE "foo"."items" ADD COLUMN "rp" real NOT NULL;
