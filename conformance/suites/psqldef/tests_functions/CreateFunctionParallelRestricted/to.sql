CREATE FUNCTION restricted_parallel()
  RETURNS void AS
$$
BEGIN
  -- runs only in leader
END;
$$ LANGUAGE plpgsql PARALLEL RESTRICTED;
