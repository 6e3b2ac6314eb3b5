CREATE TABLE users (
  id bigint
);
COMMENT ON TABLE users IS 'users table is before update';
COMMENT ON COLUMN users.id IS 'users id column is before update';
