CREATE TABLE products (
  id serial,
  status text CHECK (status IN ('pending', 'active', 'waiting'))
);
