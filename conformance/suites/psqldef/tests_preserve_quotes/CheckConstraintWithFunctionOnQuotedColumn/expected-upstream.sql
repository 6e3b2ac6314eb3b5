ALTER TABLE public.users ADD CHECK (length("UserName") > 0);
