CREATE TABLE exclude_example (
  event_start tstzrange NOT NULL,
  CONSTRAINT ex2 EXCLUDE USING gist (event_start WITH &&)
);
