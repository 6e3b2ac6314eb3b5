ALTER TABLE public.hoge DROP COLUMN baz;
ALTER TABLE public.hoge DROP COLUMN bar;
ALTER TABLE public.hoge DROP COLUMN foo;
