CREATE INDEX username_lower_idx ON public.users (lower(username));
