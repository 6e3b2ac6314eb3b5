ALTER TABLE "public"."users" ADD COLUMN "tenant_id" integer NOT NULL;
ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_author_fk";
ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_reviewer_fk";
ALTER TABLE "public"."users" DROP CONSTRAINT "users_pkey";
ALTER TABLE "public"."users" ADD PRIMARY KEY ("tenant_id", "user_id");
ALTER TABLE "public"."posts" ADD COLUMN "author_tenant_id" integer;
ALTER TABLE "public"."posts" ADD COLUMN "reviewer_tenant_id" integer;
ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_author_fk" FOREIGN KEY ("author_tenant_id", "author_id") REFERENCES "public"."users" ("tenant_id", "user_id");
ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_reviewer_fk" FOREIGN KEY ("reviewer_tenant_id", "reviewer_id") REFERENCES "public"."users" ("tenant_id", "user_id");
