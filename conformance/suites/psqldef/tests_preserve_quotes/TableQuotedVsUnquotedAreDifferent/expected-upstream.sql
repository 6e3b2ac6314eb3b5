ALTER TABLE public."Users" ADD COLUMN name text;
ALTER TABLE public.users ADD COLUMN email text;
