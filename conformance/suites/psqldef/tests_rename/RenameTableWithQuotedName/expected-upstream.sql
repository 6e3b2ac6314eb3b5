ALTER TABLE "public"."user accounts" RENAME TO "user_profiles";
