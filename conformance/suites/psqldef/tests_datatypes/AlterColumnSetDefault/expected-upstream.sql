ALTER TABLE "public"."users" ALTER COLUMN "status" SET DEFAULT 'active';
ALTER TABLE "public"."users" ALTER COLUMN "priority" SET DEFAULT 1;
