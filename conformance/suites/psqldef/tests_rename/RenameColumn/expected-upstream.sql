ALTER TABLE "public"."users" RENAME COLUMN "username" TO "user_name";
