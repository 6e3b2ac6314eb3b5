CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE FUNCTION trigger_func()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER log_changes
  BEFORE INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION trigger_func();
