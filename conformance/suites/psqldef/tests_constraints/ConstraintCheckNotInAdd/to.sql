CREATE TABLE products (
  id serial,
  status text CHECK (status NOT IN ('deleted', 'cancelled'))
);
