CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE FUNCTION log_func()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
