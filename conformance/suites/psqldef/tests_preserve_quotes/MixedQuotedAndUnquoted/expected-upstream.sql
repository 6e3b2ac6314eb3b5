ALTER TABLE public."Users" ADD COLUMN "Name" text;
ALTER TABLE public.users ADD COLUMN name text;
ALTER TABLE public."Users" DROP COLUMN id;
ALTER TABLE public.users DROP COLUMN id;
