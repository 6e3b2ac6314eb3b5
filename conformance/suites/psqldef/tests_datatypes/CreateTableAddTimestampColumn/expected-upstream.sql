ALTER TABLE "public"."users" ADD COLUMN "timestamp_with_tz" timestamp WITH TIME ZONE;
ALTER TABLE "public"."users" ADD COLUMN "timestamp_without_tz" timestamp;
