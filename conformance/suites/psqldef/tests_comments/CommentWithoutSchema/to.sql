CREATE TABLE users (
  id bigint
);
COMMENT ON TABLE users is 'users table is updated';
COMMENT ON COLUMN users.id is 'users id column is updated';
