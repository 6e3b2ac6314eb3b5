COMMENT ON TABLE "public"."hoge" IS 'hoge table updated';
COMMENT ON COLUMN "public"."hoge"."id" IS 'hoge id updated';
