DROP FUNCTION public.fmt_val();
CREATE OR REPLACE FUNCTION fmt_val() RETURNS text AS $$ BEGIN RETURN 'v'; END; $$ LANGUAGE plpgsql;
