CREATE TABLE events (
  id bigint,
  created_at timestamp
);
CREATE VIEW extract_view AS
  SELECT
    EXTRACT(year FROM created_at) AS year_value,
    EXTRACT(month FROM created_at) AS month_value,
    EXTRACT(day FROM created_at) AS day_value,
    EXTRACT(hour FROM created_at) AS hour_value,
    EXTRACT(minute FROM created_at) AS minute_value,
    EXTRACT(second FROM created_at) AS second_value,
    EXTRACT(epoch FROM created_at) AS epoch_value,
    EXTRACT(dow FROM created_at) AS dow_value,
    EXTRACT(doy FROM created_at) AS doy_value,
    EXTRACT(week FROM created_at) AS week_value,
    EXTRACT(quarter FROM created_at) AS quarter_value
  FROM events;
