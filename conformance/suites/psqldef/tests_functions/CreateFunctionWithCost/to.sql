CREATE FUNCTION expensive_function(val integer)
  RETURNS integer AS
$$
BEGIN
  RETURN val;
END;
$$ LANGUAGE plpgsql COST 1000;
