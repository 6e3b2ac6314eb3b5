DROP INDEX public.idx_items_embedding;
