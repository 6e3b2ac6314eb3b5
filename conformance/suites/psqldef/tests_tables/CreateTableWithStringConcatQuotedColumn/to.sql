CREATE TABLE t (
  "MyCol" text NOT NULL,
  CONSTRAINT mycol_non_empty CHECK (length("MyCol" || '_x') > 2)
);
