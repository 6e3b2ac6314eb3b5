CREATE TABLE products (name TEXT, code TEXT);
CREATE INDEX idx_mixed ON products USING btree (code text_pattern_ops, (lower(name)) text_pattern_ops);
