CREATE TABLE products (
  id serial,
  level integer CHECK (level IN (1, 2, 3, 4)),
  UNIQUE (level)
);
