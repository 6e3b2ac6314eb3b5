CREATE TABLE foo.users (
  id bigint
);
COMMENT ON TABLE foo.users is 'users table updated';
COMMENT ON COLUMN foo.users.id is 'users id';
