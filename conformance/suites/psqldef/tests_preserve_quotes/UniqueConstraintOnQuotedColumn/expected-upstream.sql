ALTER TABLE public.users ADD CONSTRAINT "users_Email_key" UNIQUE ("Email");
