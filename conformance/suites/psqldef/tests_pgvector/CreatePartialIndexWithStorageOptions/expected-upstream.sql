CREATE INDEX idx_items_partial ON public.items USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100) WHERE status = 'active';
