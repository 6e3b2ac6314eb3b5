ALTER TABLE public.foo ALTER COLUMN ttl SET DEFAULT '2 days'::interval;
