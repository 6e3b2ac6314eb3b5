CREATE TYPE s.lang AS ENUM (
  'ja',
  'en'
);
CREATE TABLE s.users (
  id UUID NOT NULL PRIMARY KEY,
  lang s.lang NOT NULL
);
