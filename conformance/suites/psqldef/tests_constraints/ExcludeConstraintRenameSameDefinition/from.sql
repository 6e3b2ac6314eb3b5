CREATE TABLE exclude_example (
  event_start tstzrange NOT NULL,
  CONSTRAINT ex1 EXCLUDE USING gist (event_start WITH &&)
);
