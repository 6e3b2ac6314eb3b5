ALTER TABLE public.users DROP CONSTRAINT "Unique_Email";
ALTER TABLE public.users ADD CONSTRAINT "Unique_Email" UNIQUE (email, name);
