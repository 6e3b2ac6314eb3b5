ALTER TABLE public.users ADD COLUMN score "PositiveInt";
