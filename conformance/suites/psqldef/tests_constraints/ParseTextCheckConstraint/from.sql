CREATE TABLE test (
  col text NOT NULL CHECK (col <> ''::text)
);
