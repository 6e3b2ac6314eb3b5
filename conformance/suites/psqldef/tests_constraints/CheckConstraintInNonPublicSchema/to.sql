CREATE TABLE test.dummy (
  min_value INT CHECK (min_value > 0),
  max_value INT CHECK (max_value > 0),
  CONSTRAINT min_max CHECK (min_value < max_value)
);
