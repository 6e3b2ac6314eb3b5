ALTER TABLE public.foo ALTER COLUMN expires_at SET DEFAULT now() + '3 days'::interval;
