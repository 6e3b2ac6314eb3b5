CREATE TABLE products (tags TEXT[]);
CREATE INDEX idx_tags ON products USING gin (tags array_ops);
