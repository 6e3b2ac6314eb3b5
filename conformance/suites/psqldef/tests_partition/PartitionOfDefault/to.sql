CREATE TABLE logs (
  id bigint NOT NULL,
  created_at timestamp NOT NULL
) PARTITION BY RANGE (created_at);
CREATE TABLE logs_default PARTITION OF logs DEFAULT;
