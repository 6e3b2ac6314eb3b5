CREATE TABLE addresses (
  id serial PRIMARY KEY,
  street1 varchar
);
CREATE FUNCTION addresses_street1_titlecase()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER addresses_street1_titlecase_trigger
  BEFORE INSERT OR UPDATE OF street1 ON addresses
  FOR EACH ROW EXECUTE FUNCTION addresses_street1_titlecase();
