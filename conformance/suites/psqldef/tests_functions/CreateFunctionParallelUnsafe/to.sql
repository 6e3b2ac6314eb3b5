CREATE FUNCTION unsafe_parallel()
  RETURNS void AS
$$
BEGIN
  -- cannot run in parallel
END;
$$ LANGUAGE plpgsql PARALLEL UNSAFE;
