ALTER INDEX "public"."old_email_idx" RENAME TO "new_email_idx";
