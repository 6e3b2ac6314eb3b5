ALTER TABLE "public"."users" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL;
