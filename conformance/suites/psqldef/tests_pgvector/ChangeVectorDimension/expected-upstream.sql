ALTER TABLE public.items ALTER COLUMN embedding TYPE vector(384);
