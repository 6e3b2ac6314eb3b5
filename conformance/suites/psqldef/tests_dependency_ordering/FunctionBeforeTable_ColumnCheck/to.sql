CREATE FUNCTION is_valid_name(s text) RETURNS boolean AS $$ BEGIN RETURN length(s) > 0; END; $$ LANGUAGE plpgsql IMMUTABLE;
CREATE TABLE accounts (
  id bigint NOT NULL PRIMARY KEY,
  name text NOT NULL CHECK (is_valid_name(name))
);
