CREATE TABLE parent (id integer PRIMARY KEY);
CREATE TABLE child (
  id integer PRIMARY KEY,
  parent_id integer DEFAULT 1 REFERENCES parent(id) ON DELETE SET DEFAULT
);
