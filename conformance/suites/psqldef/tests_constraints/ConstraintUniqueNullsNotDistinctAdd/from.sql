CREATE TABLE products (
  a integer,
  b integer
);
