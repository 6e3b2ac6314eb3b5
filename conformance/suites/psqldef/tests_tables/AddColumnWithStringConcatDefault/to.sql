CREATE TABLE t (
  s varchar(64) NOT NULL DEFAULT ('a' || 'b')
);
