ALTER TABLE "public"."test" ALTER COLUMN "num" TYPE numeric(10, 2);
