CREATE TABLE test (
  id integer,
  CONSTRAINT "my.constraint" CHECK (id > 0)
);
