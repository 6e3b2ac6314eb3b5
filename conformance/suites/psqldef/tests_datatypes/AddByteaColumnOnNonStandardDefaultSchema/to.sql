CREATE TABLE items (
  id integer,
  data bytea NOT NULL
);
