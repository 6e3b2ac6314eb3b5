ALTER TABLE "public"."users" DROP CONSTRAINT "users_pkey";
ALTER TABLE "public"."users" DROP COLUMN "id";
