CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE FUNCTION validate_func()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER validate_user
  BEFORE INSERT ON users
  FOR EACH ROW EXECUTE PROCEDURE validate_func();
