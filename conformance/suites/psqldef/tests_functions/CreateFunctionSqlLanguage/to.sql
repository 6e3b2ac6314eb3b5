CREATE FUNCTION square(val integer)
  RETURNS integer AS
$$
  SELECT val * val;
$$ LANGUAGE sql IMMUTABLE;
