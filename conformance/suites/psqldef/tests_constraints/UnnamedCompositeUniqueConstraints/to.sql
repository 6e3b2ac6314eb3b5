CREATE TABLE t2 (
  a integer,
  b integer,
  UNIQUE (a, b)
);
CREATE TABLE t3 (
  a integer,
  c integer,
  UNIQUE (a, c)
);
