ALTER TABLE public.pair_values ADD CHECK (a > 0 AND b > 0) NO INHERIT;
