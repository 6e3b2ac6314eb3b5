ALTER TABLE public.users ADD COLUMN roles userrole[];
