CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  action text
);
CREATE FUNCTION log_all_changes()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_all
  AFTER INSERT OR UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION log_all_changes();
