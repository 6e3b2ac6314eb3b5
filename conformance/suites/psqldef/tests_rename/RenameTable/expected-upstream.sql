ALTER TABLE "public"."user_accounts" RENAME TO "users";
