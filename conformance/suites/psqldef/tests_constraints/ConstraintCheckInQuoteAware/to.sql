CREATE TABLE products (
  id serial,
  "Status" text CHECK ("Status" IN ('active', 'inactive', 'pending'))
);
