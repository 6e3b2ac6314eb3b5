CREATE TABLE products (
  id serial,
  priority integer CHECK (priority IN (1, 2, 3, 4, 5))
);
