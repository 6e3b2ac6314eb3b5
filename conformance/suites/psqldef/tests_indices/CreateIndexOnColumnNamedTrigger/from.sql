CREATE TABLE events (
  user_id bigint NOT NULL,
  trigger text NOT NULL
);
