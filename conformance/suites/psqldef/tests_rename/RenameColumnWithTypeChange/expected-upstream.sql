ALTER TABLE "public"."users" RENAME COLUMN "username" TO "user_name";
ALTER TABLE "public"."users" ALTER COLUMN "user_name" TYPE text;
ALTER TABLE "public"."users" ALTER COLUMN "user_name" SET NOT NULL;
