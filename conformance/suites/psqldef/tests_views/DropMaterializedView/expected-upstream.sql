DROP MATERIALIZED VIEW "public"."points_view";
