CREATE TABLE items (
  id integer,
  rp real NOT NULL
);
