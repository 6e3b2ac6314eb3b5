CREATE TABLE users (
  id bigint NOT NULL,
  "foo bar" text,
  age integer
);
