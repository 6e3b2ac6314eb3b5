CREATE TABLE test (
  "point" integer NOT NULL CONSTRAINT check_point CHECK (point > 0)
);
