ALTER TABLE "public"."foos" ADD COLUMN "secret" boolean NOT NULL DEFAULT false;
CREATE VIEW foos_view AS SELECT id, secret FROM foos WHERE secret = false;
