CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE reservations (
  id integer NOT NULL,
  valid_range daterange NOT NULL,
  CONSTRAINT reservations_pk PRIMARY KEY (id, valid_range)
);
