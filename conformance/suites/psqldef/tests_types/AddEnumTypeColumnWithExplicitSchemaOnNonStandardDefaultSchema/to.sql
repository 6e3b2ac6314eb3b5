CREATE TYPE foo.lang AS ENUM (
  'ja',
  'en'
);

CREATE TABLE items (
  id integer,
  lang foo.lang NOT NULL
);
