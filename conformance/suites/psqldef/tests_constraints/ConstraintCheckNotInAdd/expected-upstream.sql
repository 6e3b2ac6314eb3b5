ALTER TABLE public.products ADD CHECK (status <> ALL (ARRAY['deleted', 'cancelled']));
