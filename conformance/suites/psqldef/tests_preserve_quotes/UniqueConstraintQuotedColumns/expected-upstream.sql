ALTER TABLE public.users ADD CONSTRAINT unique_email UNIQUE ("Email");
