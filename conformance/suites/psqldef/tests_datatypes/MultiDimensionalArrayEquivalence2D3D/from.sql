CREATE TABLE test (
  arr int[][]
);
