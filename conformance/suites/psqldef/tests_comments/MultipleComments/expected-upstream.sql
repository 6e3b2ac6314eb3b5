COMMENT ON COLUMN "public"."bar"."id" IS 'bar id';
