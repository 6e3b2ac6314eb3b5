CREATE TABLE events (
  id serial,
  created_at timestamp
);
CREATE INDEX idx_created_at_utc ON events ((timezone('utc', created_at)));
