DROP FUNCTION "public"."app_stale";
