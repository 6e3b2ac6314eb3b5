CREATE TABLE users (
  is_active BOOLEAN
);
CREATE INDEX create_index_with_bool ON users ((CASE WHEN is_active IS TRUE THEN 1 ELSE 0 END));
