CREATE TABLE products (
  id integer PRIMARY KEY,
  name text,
  price numeric(10,2)
);
CREATE VIEW cheap_products AS
  SELECT id, name FROM products WHERE price < 50;
CREATE VIEW cheap_product_names AS
  SELECT name FROM cheap_products;
