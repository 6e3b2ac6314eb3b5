CREATE TABLE test (id integer, val text);
CREATE UNIQUE INDEX idx_val ON test (val) NULLS NOT DISTINCT;
