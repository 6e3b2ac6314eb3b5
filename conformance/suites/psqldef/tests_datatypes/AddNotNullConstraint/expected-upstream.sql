ALTER TABLE "public"."users" ALTER COLUMN "name" SET NOT NULL;
