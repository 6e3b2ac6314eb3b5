ALTER TABLE "public"."events" ALTER COLUMN "event_date" SET DEFAULT '2024-12-31';
ALTER TABLE "public"."events" ALTER COLUMN "event_time" SET DEFAULT '23:59:59';
ALTER TABLE "public"."events" ALTER COLUMN "event_timestamp" SET DEFAULT '2024-12-31 23:59:59';
