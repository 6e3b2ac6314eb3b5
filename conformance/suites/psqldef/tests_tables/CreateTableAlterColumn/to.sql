CREATE TABLE users (
  id bigint NOT NULL,
  name varchar(40)
);
