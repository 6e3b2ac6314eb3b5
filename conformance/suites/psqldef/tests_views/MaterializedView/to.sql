CREATE TABLE points (id bigint);
CREATE MATERIALIZED VIEW points_view AS SELECT id FROM points;
