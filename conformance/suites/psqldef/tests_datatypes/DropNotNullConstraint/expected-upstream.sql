ALTER TABLE "public"."users" ALTER COLUMN "name" DROP NOT NULL;
