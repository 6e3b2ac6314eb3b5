CREATE FUNCTION secure_lookup()
  RETURNS void AS
$$
BEGIN
  -- lookup with fixed search_path
END;
$$ LANGUAGE plpgsql SET search_path = public, pg_temp;
