ALTER TABLE "public"."timestamps" ALTER COLUMN "created_at" DROP DEFAULT;
