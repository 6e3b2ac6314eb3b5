ALTER TABLE "public"."foos" ADD COLUMN "secret" boolean NOT NULL DEFAULT false;
DROP VIEW "public"."foos_view";
CREATE VIEW "public"."foos_view" AS select id, secret from foos where secret = false;
