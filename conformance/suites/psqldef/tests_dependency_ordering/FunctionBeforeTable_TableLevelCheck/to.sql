CREATE FUNCTION is_positive(n integer) RETURNS boolean AS $$ BEGIN RETURN n > 0; END; $$ LANGUAGE plpgsql IMMUTABLE;
CREATE TABLE measurements (
  id bigint NOT NULL PRIMARY KEY,
  score integer NOT NULL,
  CHECK (is_positive(score))
);
