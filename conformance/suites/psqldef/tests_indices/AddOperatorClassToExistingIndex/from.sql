CREATE TABLE products (name TEXT);
CREATE INDEX idx_name ON products USING btree (name);
