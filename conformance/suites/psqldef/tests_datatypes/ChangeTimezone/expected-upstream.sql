ALTER TABLE "public"."test" ALTER COLUMN "timestamp_at1" TYPE timestamp;
ALTER TABLE "public"."test" ALTER COLUMN "timestamp_at2" TYPE timestamp;
ALTER TABLE "public"."test" ALTER COLUMN "timestamp_at3" TYPE timestamp WITH TIME ZONE;
ALTER TABLE "public"."test" ALTER COLUMN "timestamp_at4" TYPE timestamp WITH TIME ZONE;
ALTER TABLE "public"."test" ALTER COLUMN "time_at1" TYPE time;
ALTER TABLE "public"."test" ALTER COLUMN "time_at2" TYPE time;
ALTER TABLE "public"."test" ALTER COLUMN "time_at3" TYPE time WITH TIME ZONE;
ALTER TABLE "public"."test" ALTER COLUMN "time_at4" TYPE time WITH TIME ZONE;
