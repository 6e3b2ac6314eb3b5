DROP TRIGGER log_changes ON public.users;
CREATE TRIGGER log_changes after update ON public.users FOR EACH ROW EXECUTE FUNCTION trigger_func();
