CREATE FUNCTION double_value(n integer) RETURNS integer AS $$ BEGIN RETURN n * 2; END; $$ LANGUAGE plpgsql IMMUTABLE;
CREATE TABLE metrics (
  id bigint NOT NULL PRIMARY KEY,
  base_value integer NOT NULL,
  doubled integer GENERATED ALWAYS AS (double_value(base_value)) STORED
);
