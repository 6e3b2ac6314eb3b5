CREATE TABLE users (
  id int,
  email text
);
CREATE INDEX email_idx ON users (email);
