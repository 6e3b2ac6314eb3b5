DROP INDEX "public"."idx_users_email";
