CREATE FUNCTION validate_func()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE TRIGGER validate_user before insert ON public.users FOR EACH ROW EXECUTE PROCEDURE validate_func();
