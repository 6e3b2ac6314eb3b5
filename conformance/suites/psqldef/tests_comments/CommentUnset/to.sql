CREATE TABLE users (
  id bigint
);
COMMENT ON TABLE users IS NULL;
COMMENT ON COLUMN users.id IS null;
