CREATE FUNCTION configured_function()
  RETURNS void AS
$$
BEGIN
  -- function with multiple SET parameters
END;
$$ LANGUAGE plpgsql
   SET search_path = public
   SET statement_timeout = '30s';
