CREATE TABLE items (
  id integer,
  dp double precision NOT NULL
);
