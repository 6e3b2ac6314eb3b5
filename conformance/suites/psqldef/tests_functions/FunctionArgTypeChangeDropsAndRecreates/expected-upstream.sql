DROP FUNCTION public.twice(integer);
CREATE FUNCTION twice(x bigint) RETURNS bigint AS $$ BEGIN RETURN x * 2; END; $$ LANGUAGE plpgsql;
