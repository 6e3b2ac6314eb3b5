ALTER TABLE public.users ADD CONSTRAINT email_unique UNIQUE (email);
ALTER TABLE public.users DROP CONSTRAINT "Email_Unique";
