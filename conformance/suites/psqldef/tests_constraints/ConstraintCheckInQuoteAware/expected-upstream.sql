ALTER TABLE public.products ADD CHECK ("Status" = ANY (ARRAY['active', 'inactive', 'pending']));
