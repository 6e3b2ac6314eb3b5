CREATE TABLE samples (
  id bigserial PRIMARY KEY,
  flag boolean NOT NULL DEFAULT false,
  start_at time NOT NULL,
  end_at time NOT NULL,
  CHECK (start_at <> end_at),
  CHECK (
    NOT flag
    OR (start_at >= '00:00:00' AND end_at <= '06:00:00' AND start_at < end_at)
  )
);
