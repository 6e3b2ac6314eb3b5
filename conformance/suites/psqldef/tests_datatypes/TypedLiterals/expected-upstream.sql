ALTER TABLE "public"."events" ADD COLUMN "event_date" date DEFAULT '2024-01-01';
ALTER TABLE "public"."events" ADD COLUMN "event_time" time DEFAULT '12:00:00';
ALTER TABLE "public"."events" ADD COLUMN "event_timestamp" timestamp DEFAULT '2024-01-01 12:00:00';
