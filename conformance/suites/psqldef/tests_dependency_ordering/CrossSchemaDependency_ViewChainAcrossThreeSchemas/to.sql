CREATE SCHEMA base;
CREATE SCHEMA derived;
CREATE SCHEMA analytics;
CREATE TABLE base.raw_events (
  id integer PRIMARY KEY,
  event_type text
);
CREATE VIEW derived.processed_events AS
  SELECT id, event_type FROM base.raw_events WHERE event_type IS NOT NULL;
CREATE VIEW analytics.event_summary AS
  SELECT event_type, COUNT(*) as count
  FROM derived.processed_events
  GROUP BY event_type;
