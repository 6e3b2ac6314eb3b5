ALTER INDEX "public"."old_unique_email" RENAME TO "unique_email";
