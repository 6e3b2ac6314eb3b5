CREATE TABLE products (
  id serial,
  "Status" text
);
