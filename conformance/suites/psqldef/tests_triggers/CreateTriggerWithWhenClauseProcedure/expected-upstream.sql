CREATE FUNCTION track_status()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TABLE items (
  id serial PRIMARY KEY,
  status smallint
);
CREATE TRIGGER track_status_change after update ON public.items FOR EACH ROW WHEN (OLD.status is distinct from NEW.status) EXECUTE PROCEDURE track_status();
