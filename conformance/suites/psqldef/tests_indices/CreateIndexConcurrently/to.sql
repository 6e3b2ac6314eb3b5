CREATE TABLE users (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(128) DEFAULT 'konsumer'
);
CREATE INDEX CONCURRENTLY username on users (name);
