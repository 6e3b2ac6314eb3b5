DROP INDEX public.idx_hoge_foo;
