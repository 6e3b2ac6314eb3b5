-- Partitioned tables (range with partitions and an index, list with a default partition, hash, a partition that is
-- itself partitioned) and a table referencing one: entities declare ordinary tables, the partitioning is reported.
CREATE TABLE measurements (id bigint NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
  PARTITION BY RANGE (id);
CREATE TABLE measurements_2025_low PARTITION OF measurements_2025 FOR VALUES FROM (MINVALUE) TO (1000000);
CREATE INDEX measurements_v ON measurements (v);
CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL) PARTITION BY LIST (code);
CREATE TABLE regions_eu PARTITION OF regions FOR VALUES IN ('de', 'fr');
CREATE TABLE regions_other PARTITION OF regions DEFAULT;
CREATE TABLE sessions (id uuid PRIMARY KEY, region text REFERENCES regions (code)) PARTITION BY HASH (id);
CREATE TABLE plain (id integer PRIMARY KEY, region text NOT NULL REFERENCES regions (code));
