CREATE FUNCTION addresses_update_check()
  RETURNS TRIGGER AS
$$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TABLE addresses (
  id serial PRIMARY KEY,
  street1 varchar,
  street2 varchar
);
CREATE TRIGGER addresses_update_trigger before update OF street1, street2 ON public.addresses FOR EACH ROW EXECUTE FUNCTION addresses_update_check();
