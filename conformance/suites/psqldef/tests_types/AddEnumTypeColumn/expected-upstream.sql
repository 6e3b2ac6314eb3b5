CREATE TYPE s.lang AS ENUM (
  'ja',
  'en'
);
ALTER TABLE "s"."users" ADD COLUMN "lang" s.lang NOT NULL;
