CREATE INDEX email_idx ON public.users (email);
