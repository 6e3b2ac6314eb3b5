ALTER TABLE "public"."test" ADD COLUMN "thing" text DEFAULT 'it''s free real estate';
