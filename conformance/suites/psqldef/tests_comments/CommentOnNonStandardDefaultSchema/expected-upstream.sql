COMMENT ON TABLE "foo"."users" IS 'users table updated';
COMMENT ON COLUMN "foo"."users"."id" IS 'users id';
