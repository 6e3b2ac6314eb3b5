CREATE TABLE users (
  id bigint NOT NULL,
  status varchar(20),
  priority int
);
