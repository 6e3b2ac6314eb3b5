CREATE FUNCTION concat_strings(a text, b text)
  RETURNS text AS
$$
  SELECT a || b;
$$ LANGUAGE sql IMMUTABLE STRICT;
