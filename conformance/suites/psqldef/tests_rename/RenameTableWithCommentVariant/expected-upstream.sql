ALTER TABLE "public"."old_users" RENAME TO "new_users";
