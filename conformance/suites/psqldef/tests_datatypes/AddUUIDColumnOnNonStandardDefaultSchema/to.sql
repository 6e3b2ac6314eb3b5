CREATE TABLE items (
  id integer,
  uuid_col uuid NOT NULL
);
