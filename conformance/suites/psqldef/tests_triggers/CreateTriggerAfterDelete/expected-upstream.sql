CREATE FUNCTION archive_row()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TABLE users (
  id serial PRIMARY KEY,
  name text
);
CREATE TRIGGER archive_deleted after delete ON public.users FOR EACH ROW EXECUTE FUNCTION archive_row();
