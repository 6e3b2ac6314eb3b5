CREATE TABLE users (
  id bigint NOT NULL,
  username text,
  user_name varchar(50),
  age integer
);
