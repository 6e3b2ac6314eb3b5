ALTER TABLE public.users ADD CHECK (length(username) > 0);
