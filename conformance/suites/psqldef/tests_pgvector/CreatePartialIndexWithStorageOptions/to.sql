CREATE EXTENSION vector;
CREATE TABLE items (
  id bigserial PRIMARY KEY,
  status text,
  embedding vector(3)
);
CREATE INDEX idx_items_partial ON items USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100) WHERE status = 'active';
