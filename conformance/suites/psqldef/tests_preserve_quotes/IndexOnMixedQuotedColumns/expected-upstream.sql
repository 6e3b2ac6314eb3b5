CREATE INDEX name_idx ON public.users ("FirstName", last_name);
