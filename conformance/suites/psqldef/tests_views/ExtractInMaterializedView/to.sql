CREATE TABLE events (
  event_id bigint,
  event_timestamp timestamp
);
CREATE MATERIALIZED VIEW event_stats AS
  SELECT
    EXTRACT(year FROM event_timestamp) AS event_year,
    EXTRACT(month FROM event_timestamp) AS event_month,
    COUNT(*) AS event_count
  FROM events
  GROUP BY event_year, event_month;
