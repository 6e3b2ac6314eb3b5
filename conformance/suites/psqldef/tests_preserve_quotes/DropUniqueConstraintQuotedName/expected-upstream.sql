ALTER TABLE public.users DROP CONSTRAINT "Unique_Email";
