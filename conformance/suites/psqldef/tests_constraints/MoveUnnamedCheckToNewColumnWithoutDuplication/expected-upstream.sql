ALTER TABLE public.moved_check ADD COLUMN b integer;
