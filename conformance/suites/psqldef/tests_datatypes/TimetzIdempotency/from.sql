CREATE TABLE users (
  id uuid PRIMARY KEY,
  event_time time with time zone NOT NULL
);
