ALTER TABLE "public"."users" ALTER COLUMN "status" SET DEFAULT 'active';
ALTER TABLE "public"."users" ALTER COLUMN "is_active" SET DEFAULT true;
