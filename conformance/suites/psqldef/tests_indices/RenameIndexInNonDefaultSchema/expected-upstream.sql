ALTER INDEX "myschema"."old_email_idx" RENAME TO "new_email_idx";
