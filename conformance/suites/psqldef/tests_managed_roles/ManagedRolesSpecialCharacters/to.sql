CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100)
);
GRANT SELECT ON TABLE users TO "user-with-dash";
GRANT INSERT ON TABLE users TO "user.with.dot";
GRANT UPDATE ON TABLE users TO "user@domain.com";
