CREATE TYPE lang AS ENUM (
  'ja',
  'en'
);

CREATE TABLE items (
  id integer,
  lang lang NOT NULL
);
