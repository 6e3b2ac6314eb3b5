DROP INDEX public.idx_tags;
CREATE INDEX idx_tags ON public.products USING gin (tags jsonb_path_ops);
