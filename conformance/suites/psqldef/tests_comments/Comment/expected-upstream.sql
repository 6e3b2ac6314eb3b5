COMMENT ON TABLE "public"."hoge" IS 'hoge table';
COMMENT ON COLUMN "public"."hoge"."id" IS 'hoge id';
COMMENT ON COLUMN "public"."hoge"."foo" IS 'foo comment';
