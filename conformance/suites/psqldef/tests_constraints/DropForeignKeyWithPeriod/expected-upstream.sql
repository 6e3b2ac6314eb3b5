ALTER TABLE public.children DROP CONSTRAINT children_fk;
