ALTER TABLE public.users ADD CHECK (length(upper("Email")) > 0);
