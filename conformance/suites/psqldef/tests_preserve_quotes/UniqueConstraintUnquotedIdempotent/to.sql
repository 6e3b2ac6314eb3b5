CREATE TABLE products (
  id int PRIMARY KEY,
  product_code text UNIQUE
);
