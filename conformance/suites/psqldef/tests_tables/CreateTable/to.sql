CREATE TABLE users (
  id bigint NOT NULL,
  name text,
  age integer
);
CREATE TABLE bigdata (
  data bigint
);
