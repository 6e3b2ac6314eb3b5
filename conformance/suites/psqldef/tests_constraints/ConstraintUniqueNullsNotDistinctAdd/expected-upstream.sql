ALTER TABLE public.products ADD CONSTRAINT products_a_b_key UNIQUE NULLS NOT DISTINCT (a, b);
