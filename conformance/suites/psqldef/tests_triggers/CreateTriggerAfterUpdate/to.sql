CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE FUNCTION log_changes()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER log_update
  AFTER UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION log_changes();
