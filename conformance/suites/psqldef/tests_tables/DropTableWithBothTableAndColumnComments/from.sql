CREATE TABLE products (
  id serial PRIMARY KEY,
  name varchar(100) NOT NULL,
  price integer NOT NULL
);
COMMENT ON TABLE products IS 'Product catalog';
COMMENT ON COLUMN products.name IS 'Product name';
COMMENT ON COLUMN products.price IS 'Product price in cents';
