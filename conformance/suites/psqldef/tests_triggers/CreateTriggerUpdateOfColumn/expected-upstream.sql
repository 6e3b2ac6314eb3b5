CREATE FUNCTION addresses_street1_titlecase()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TABLE addresses (
  id serial PRIMARY KEY,
  street1 varchar
);
CREATE TRIGGER addresses_street1_titlecase_trigger before insert OR update OF street1 ON public.addresses FOR EACH ROW EXECUTE FUNCTION addresses_street1_titlecase();
