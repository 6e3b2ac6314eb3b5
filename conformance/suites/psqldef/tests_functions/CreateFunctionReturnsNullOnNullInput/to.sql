CREATE FUNCTION double_value(val integer)
  RETURNS integer AS
$$
BEGIN
  RETURN val * 2;
END;
$$ LANGUAGE plpgsql RETURNS NULL ON NULL INPUT;
