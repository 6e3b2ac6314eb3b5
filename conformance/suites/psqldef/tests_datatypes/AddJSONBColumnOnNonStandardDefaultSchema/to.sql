CREATE TABLE items (
  id integer,
  meta jsonb NOT NULL
);
