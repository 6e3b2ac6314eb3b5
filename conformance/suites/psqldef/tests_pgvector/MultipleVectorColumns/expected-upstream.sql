CREATE TABLE documents (
  id bigserial PRIMARY KEY,
  title_embedding vector(384),
  content_embedding vector(1536)
);
