ALTER TABLE public.items DROP COLUMN embedding;
