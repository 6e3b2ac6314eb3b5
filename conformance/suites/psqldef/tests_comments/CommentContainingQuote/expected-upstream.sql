COMMENT ON TABLE "public"."test" IS 'World''s best table';
COMMENT ON COLUMN "public"."test"."email" IS 'The user''s contact email address.';
