CREATE TABLE new_users ( -- @renamed from=old_users
  id bigint NOT NULL
);
COMMENT ON TABLE new_users IS 'New users table';
