CREATE TABLE parent (id integer PRIMARY KEY);
CREATE TABLE child (
  id integer PRIMARY KEY,
  parent_id integer REFERENCES parent(id) MATCH SIMPLE
);
