CREATE EXTENSION vector;
CREATE TABLE items (
  id bigserial PRIMARY KEY,
  embedding vector(3)
);
CREATE INDEX idx_items_hnsw ON items USING hnsw (embedding vector_l2_ops);
