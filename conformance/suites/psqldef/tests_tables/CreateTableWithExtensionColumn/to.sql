CREATE TABLE t (
  extension text
);
