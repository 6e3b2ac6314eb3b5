CREATE TABLE items (
  id integer,
  amount numeric(10, 2) NOT NULL
);
