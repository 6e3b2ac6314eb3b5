CREATE TABLE events (
  id serial,
  created_at timestamp
);
