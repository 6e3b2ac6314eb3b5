COMMENT ON TABLE "public"."users" IS 'users table is updated';
COMMENT ON COLUMN "public"."users"."id" IS 'users.id column is updated';
COMMENT ON COLUMN "public"."users"."update" IS '"users."update" column is updated';
