CREATE EXTENSION vector;
CREATE TABLE items (
  id bigserial PRIMARY KEY,
  status text,
  embedding vector(3)
);
