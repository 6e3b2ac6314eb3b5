ALTER INDEX "public"."idx_email" RENAME TO "email_idx";
ALTER INDEX "public"."idx_username" RENAME TO "username_idx";
