CREATE FUNCTION ovl(a integer) RETURNS integer AS $$ BEGIN RETURN 2; END; $$ LANGUAGE plpgsql;
CREATE FUNCTION ovl(a text) RETURNS text AS $$ BEGIN RETURN 'b'; END; $$ LANGUAGE plpgsql;
