CREATE TABLE events (
  id bigint NOT NULL,
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP AT TIME ZONE 'utc'
);
