CREATE TABLE test (
  col boolean default true
);
