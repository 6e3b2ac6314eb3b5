CREATE TABLE products (
  id serial,
  priority integer CHECK (priority IN (1, 2, 3))
);
