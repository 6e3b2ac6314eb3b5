CREATE TYPE lang AS ENUM (
  'ja',
  'en'
);
ALTER TABLE "foo"."items" ADD COLUMN "lang" lang NOT NULL;
