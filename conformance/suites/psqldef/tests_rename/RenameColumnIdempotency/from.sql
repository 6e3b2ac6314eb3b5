CREATE TABLE users (
  id bigint NOT NULL,
  user_name text,
  age integer
);
