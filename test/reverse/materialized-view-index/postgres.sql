-- The issue's example: a materialized view with a unique index (declared as @Index on the @ViewEntity), plus one
-- with a method and one TypeORM cannot declare (an expression key).
CREATE TABLE t (id serial PRIMARY KEY, cat text NOT NULL);
CREATE MATERIALIZED VIEW mv AS SELECT cat, count(*) n FROM t GROUP BY cat;
CREATE UNIQUE INDEX mv_cat ON mv (cat);
CREATE INDEX mv_n ON mv USING hash (n);
CREATE INDEX mv_lower ON mv (lower(cat));
