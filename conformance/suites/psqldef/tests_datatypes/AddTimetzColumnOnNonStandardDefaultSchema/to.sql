CREATE TABLE items (
  id integer,
  time_tz timetz NOT NULL
);
