CREATE TABLE users (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(128)
);
CREATE INDEX idx_users_name ON users (name);
