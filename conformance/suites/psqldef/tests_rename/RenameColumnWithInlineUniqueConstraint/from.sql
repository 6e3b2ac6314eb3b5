CREATE TABLE users (
  id bigint NOT NULL,
  username varchar(100) NOT NULL UNIQUE,
  age integer
);
