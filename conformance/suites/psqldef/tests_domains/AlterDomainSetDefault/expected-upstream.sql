ALTER DOMAIN "public"."status_code" SET DEFAULT 200;
