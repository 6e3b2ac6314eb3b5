ALTER TABLE public.items ADD COLUMN embedding vector(384);
