CREATE INDEX idx_items_hnsw ON public.items USING hnsw (embedding vector_l2_ops);
