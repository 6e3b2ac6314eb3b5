ALTER TABLE "public"."some_table" ALTER COLUMN "v0" SET DEFAULT 'FOO';
ALTER TABLE "public"."some_table" ALTER COLUMN "v1" SET DEFAULT 'bar';
