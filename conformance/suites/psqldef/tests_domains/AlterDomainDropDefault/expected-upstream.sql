ALTER DOMAIN "public"."status_code" DROP DEFAULT;
