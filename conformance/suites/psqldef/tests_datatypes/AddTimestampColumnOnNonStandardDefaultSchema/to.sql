CREATE TABLE items (
  id integer,
  ts timestamp NOT NULL
);
