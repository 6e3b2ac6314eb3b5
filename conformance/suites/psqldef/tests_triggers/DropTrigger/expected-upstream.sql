DROP TRIGGER log_insert ON public.users;
