CREATE TABLE test (
  a integer,
  b integer,
  CHECK (a IS DISTINCT FROM b)
);
