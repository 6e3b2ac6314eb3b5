ALTER TABLE public.users ADD CONSTRAINT date_order CHECK ("StartDate" < end_date);
