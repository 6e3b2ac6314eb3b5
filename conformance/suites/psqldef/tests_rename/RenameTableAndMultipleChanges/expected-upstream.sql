ALTER TABLE "public"."old_accounts" RENAME TO "accounts";
ALTER TABLE "public"."accounts" RENAME COLUMN "user_name" TO "username";
ALTER TABLE "public"."accounts" ALTER COLUMN "username" TYPE varchar(100);
ALTER TABLE "public"."accounts" ALTER COLUMN "username" SET NOT NULL;
ALTER TABLE "public"."accounts" ALTER COLUMN "is_active" SET DEFAULT true;
ALTER TABLE "public"."accounts" ADD COLUMN "created_at" timestamp DEFAULT current_timestamp;
ALTER TABLE "public"."accounts" ADD PRIMARY KEY ("id");
ALTER TABLE "public"."accounts" DROP COLUMN "old_field";
