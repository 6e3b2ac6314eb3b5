CREATE TABLE events (
  id serial PRIMARY KEY,
  event_date date DEFAULT DATE '2024-12-31',
  event_time time DEFAULT TIME '23:59:59',
  event_timestamp timestamp DEFAULT TIMESTAMP '2024-12-31 23:59:59'
);
