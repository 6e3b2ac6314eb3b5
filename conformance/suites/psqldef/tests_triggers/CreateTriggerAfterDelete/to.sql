CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE FUNCTION archive_row()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER archive_deleted
  AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION archive_row();
