DROP FUNCTION public.get_val();
CREATE FUNCTION get_val() RETURNS text AS $$ BEGIN RETURN 'x'; END; $$ LANGUAGE plpgsql;
