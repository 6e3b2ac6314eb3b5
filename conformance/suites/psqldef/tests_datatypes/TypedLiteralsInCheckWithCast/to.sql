CREATE TABLE events (
  id serial PRIMARY KEY,
  event_date date CHECK (event_date >= '2020-01-01'::date),
  event_time time CHECK (event_time >= time '09:00:00'),
  event_end_date date CHECK (event_end_date <= DATE '2030-12-31')
);
