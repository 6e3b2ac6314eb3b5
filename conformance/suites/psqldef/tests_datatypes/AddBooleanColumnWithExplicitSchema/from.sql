CREATE TABLE foo.items (
  id integer
);
