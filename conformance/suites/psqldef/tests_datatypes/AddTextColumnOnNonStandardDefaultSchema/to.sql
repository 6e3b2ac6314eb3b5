CREATE TABLE items (
  id integer,
  description text NOT NULL
);
