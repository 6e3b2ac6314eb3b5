DROP DOMAIN "public"."us_postal_code";
