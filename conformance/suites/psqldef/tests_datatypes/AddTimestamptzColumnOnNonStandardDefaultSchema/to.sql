CREATE TABLE items (
  id integer,
  ts_tz timestamptz NOT NULL
);
