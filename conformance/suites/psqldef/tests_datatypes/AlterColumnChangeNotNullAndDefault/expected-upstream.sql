ALTER TABLE "public"."users" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "public"."users" ALTER COLUMN "name" SET DEFAULT 'anonymous';
ALTER TABLE "public"."users" ALTER COLUMN "email" DROP NOT NULL;
ALTER TABLE "public"."users" ALTER COLUMN "email" DROP DEFAULT;
