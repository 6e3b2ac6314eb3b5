DROP INDEX public.idx_hoge;
