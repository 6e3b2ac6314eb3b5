CREATE TABLE users (
  a integer,
  b integer,
  CONSTRAINT a_b_pkey PRIMARY KEY (a, b)
);
