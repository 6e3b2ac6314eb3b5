CREATE TABLE products (tags JSONB);
CREATE INDEX idx_tags ON products USING gin (tags jsonb_ops);
