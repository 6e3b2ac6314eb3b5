CREATE TYPE foo.lang AS ENUM (
  'ja',
  'en'
);
ALTER TABLE "foo"."items" ADD COLUMN "lang" foo.lang NOT NULL;
