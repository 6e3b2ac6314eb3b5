ALTER DOMAIN "public"."valid_score" ADD CHECK (VALUE >= 0);
ALTER DOMAIN "public"."valid_score" ADD CHECK (VALUE <= 100);
