CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE parents (
  id integer NOT NULL,
  valid_range daterange NOT NULL,
  CONSTRAINT parents_pk PRIMARY KEY (id, valid_range WITHOUT OVERLAPS)
);
CREATE TABLE children (
  id integer NOT NULL,
  parent_id integer NOT NULL,
  valid_range daterange NOT NULL,
  CONSTRAINT children_fk FOREIGN KEY (parent_id, PERIOD valid_range) REFERENCES parents (id, PERIOD valid_range)
);
