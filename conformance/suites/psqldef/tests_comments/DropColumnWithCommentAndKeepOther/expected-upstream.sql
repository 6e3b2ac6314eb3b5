ALTER TABLE public.hoge DROP COLUMN foo;
COMMENT ON COLUMN public.hoge.bar IS NULL;
