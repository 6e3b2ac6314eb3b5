DROP INDEX public.idx_name;
CREATE INDEX idx_name ON public.products USING btree (name text_pattern_ops);
