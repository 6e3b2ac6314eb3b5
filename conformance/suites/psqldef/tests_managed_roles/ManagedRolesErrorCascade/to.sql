CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100)
);
revoke select on table users from readonly_user cascade;
