CREATE TABLE test (
  score integer CHECK (score BETWEEN 0 AND 100)
);
