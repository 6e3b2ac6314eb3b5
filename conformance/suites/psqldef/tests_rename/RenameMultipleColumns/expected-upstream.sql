ALTER TABLE "public"."users" RENAME COLUMN "user name" TO "username";
ALTER TABLE "public"."users" RENAME COLUMN "email@address" TO "email_address";
