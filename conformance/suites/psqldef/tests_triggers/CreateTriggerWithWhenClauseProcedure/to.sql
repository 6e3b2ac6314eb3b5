CREATE TABLE items (
  id serial PRIMARY KEY,
  status smallint
);
CREATE FUNCTION track_status()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER track_status_change
  AFTER UPDATE ON items
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE PROCEDURE track_status();
