CREATE TABLE t (
  mode text
);
