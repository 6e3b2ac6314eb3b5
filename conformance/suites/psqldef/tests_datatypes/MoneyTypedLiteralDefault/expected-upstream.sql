ALTER TABLE public.m ADD COLUMN price money DEFAULT '1.00'::money;
