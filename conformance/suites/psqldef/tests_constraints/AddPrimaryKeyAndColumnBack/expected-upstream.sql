ALTER TABLE "public"."users" ADD COLUMN "id" bigint NOT NULL;
ALTER TABLE "public"."users" ADD PRIMARY KEY ("id");
