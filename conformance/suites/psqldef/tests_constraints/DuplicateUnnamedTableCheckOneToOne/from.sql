CREATE TABLE pair_values (
  a integer,
  b integer,
  CONSTRAINT one_pair_positive CHECK (a > 0 AND b > 0) NO INHERIT
);
