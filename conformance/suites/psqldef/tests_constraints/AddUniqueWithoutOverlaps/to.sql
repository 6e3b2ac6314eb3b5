CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE reservations (
  id integer NOT NULL,
  room_id integer NOT NULL,
  valid_range daterange NOT NULL,
  CONSTRAINT reservations_uq UNIQUE (room_id, valid_range WITHOUT OVERLAPS)
);
