CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  f_secret VARCHAR(100),
  f_public VARCHAR(100)
);
