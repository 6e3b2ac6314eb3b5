ALTER TABLE public.constant_check ADD CHECK (1 > 0);
