CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100)
);
grant select on table users to readonly_user;
