CREATE TABLE events (
  created_at timestamp
);
CREATE VIEW event_dates AS
  SELECT date(created_at) AS event_date
  FROM events;
