ALTER TABLE "public"."users" ADD COLUMN "user_id" integer NOT NULL;
ALTER TABLE "public"."users" ADD COLUMN "name" text;
ALTER TABLE "public"."taggings" DROP CONSTRAINT "taggings_user_id_fkey";
ALTER TABLE "public"."users" DROP CONSTRAINT "users_pkey";
ALTER TABLE "public"."users" ADD PRIMARY KEY ("user_id");
DROP TABLE "public"."taggings";
ALTER TABLE "public"."users" DROP COLUMN "id";
