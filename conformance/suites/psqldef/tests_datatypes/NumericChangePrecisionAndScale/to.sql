CREATE TABLE test (
  num numeric (10, 2)
);
