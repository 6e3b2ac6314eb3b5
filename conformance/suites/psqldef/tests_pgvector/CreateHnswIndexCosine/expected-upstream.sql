CREATE INDEX idx_items_cosine ON public.items USING hnsw (embedding vector_cosine_ops);
