CREATE TABLE items (
  id integer,
  count integer NOT NULL
);
