ALTER TABLE public.users DROP COLUMN "Name";
