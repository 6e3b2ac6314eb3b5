CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE INDEX idx_trgm_name ON products USING gin (name gin_trgm_ops);
