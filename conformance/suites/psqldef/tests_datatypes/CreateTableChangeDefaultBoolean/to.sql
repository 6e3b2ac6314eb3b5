CREATE TABLE test (
  col boolean default false
);
