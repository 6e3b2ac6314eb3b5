CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  notes JSONB
);
CREATE INDEX idx_trgm_notes_text ON products USING gin (((notes ->> 'text'::text)) gin_trgm_ops);
CREATE INDEX idx_trgm_lower_name ON products USING btree (lower(name) text_pattern_ops);
