ALTER TABLE public.users ADD COLUMN score positiveint;
