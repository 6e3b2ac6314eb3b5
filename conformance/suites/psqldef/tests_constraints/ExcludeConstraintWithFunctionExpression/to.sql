CREATE TABLE exclude_example (
  name varchar(255),
  CONSTRAINT ex1 EXCLUDE USING btree (lower(name::text) WITH =) WHERE (name::text <> '')
);
