CREATE FUNCTION log_update()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TABLE users (
  id serial PRIMARY KEY,
  name text,
  updated_at timestamp
);
CREATE TRIGGER log_name_change after update ON public.users FOR EACH ROW WHEN (OLD.name is distinct from NEW.name) EXECUTE FUNCTION log_update();
