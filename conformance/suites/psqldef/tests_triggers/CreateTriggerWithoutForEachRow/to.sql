CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE FUNCTION notify_func()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER notify_change
  AFTER INSERT ON users
  EXECUTE FUNCTION notify_func();
