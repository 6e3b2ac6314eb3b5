ALTER TABLE public.products DROP CONSTRAINT products_status_check;
ALTER TABLE public.products ADD CHECK (status = ANY (ARRAY['pending', 'active', 'waiting']));
