CREATE TABLE test (
  col text NOT NULL
);
