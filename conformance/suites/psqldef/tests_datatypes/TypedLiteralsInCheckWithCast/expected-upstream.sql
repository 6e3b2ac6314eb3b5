ALTER TABLE "public"."events" ADD COLUMN "event_date" date CHECK (event_date >= '2020-01-01');
ALTER TABLE "public"."events" ADD COLUMN "event_time" time CHECK (event_time >= '09:00:00');
ALTER TABLE "public"."events" ADD COLUMN "event_end_date" date CHECK (event_end_date <= '2030-12-31');
