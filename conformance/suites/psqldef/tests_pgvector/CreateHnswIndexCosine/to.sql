CREATE EXTENSION vector;
CREATE TABLE items (
  id bigserial PRIMARY KEY,
  embedding vector(3)
);
CREATE INDEX idx_items_cosine ON items USING hnsw (embedding vector_cosine_ops);
