CREATE TABLE products (
  id serial,
  sku text,
  name text,
  price numeric
);
CREATE INDEX CONCURRENTLY idx_sku_include ON products USING btree (sku) INCLUDE (name, price);
