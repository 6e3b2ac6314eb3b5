COMMENT ON TABLE "foo"."users" IS 'users table is updated';
COMMENT ON COLUMN "foo"."users"."id" IS 'users id column is updated';
