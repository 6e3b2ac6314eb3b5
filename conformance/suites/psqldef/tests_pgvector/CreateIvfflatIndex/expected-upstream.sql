CREATE INDEX idx_items_embedding ON public.items USING ivfflat (embedding vector_l2_ops) WITH (lists = 100);
