CREATE FUNCTION handle_null(val text)
  RETURNS text AS
$$
BEGIN
  IF val IS NULL THEN
    RETURN 'was null';
  END IF;
  RETURN val;
END;
$$ LANGUAGE plpgsql CALLED ON NULL INPUT;
