ALTER TABLE public.m ADD COLUMN ttl_year interval DEFAULT '1 year'::interval;
ALTER TABLE public.m ADD COLUMN ttl_day interval DEFAULT '1 day'::interval;
ALTER TABLE public.m ADD COLUMN ttl_min interval DEFAULT '01:30:00'::interval;
