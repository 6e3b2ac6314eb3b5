CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE FUNCTION check_func()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER check_value
  BEFORE INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION check_func('arg1', 'arg2');
