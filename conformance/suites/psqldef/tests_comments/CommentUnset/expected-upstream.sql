COMMENT ON TABLE "public"."users" IS NULL;
COMMENT ON COLUMN "public"."users"."id" IS NULL;
