CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE FUNCTION set_timestamp()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER set_created_at
  BEFORE INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION set_timestamp();
