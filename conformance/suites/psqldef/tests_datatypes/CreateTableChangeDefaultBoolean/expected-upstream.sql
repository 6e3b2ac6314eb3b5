ALTER TABLE "public"."test" ALTER COLUMN "col" SET DEFAULT false;
