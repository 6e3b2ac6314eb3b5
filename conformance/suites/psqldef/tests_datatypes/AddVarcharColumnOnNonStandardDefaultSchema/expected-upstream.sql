ALTER TABLE "foo"."items" ADD COLUMN "name" varchar(255) NOT NULL;
