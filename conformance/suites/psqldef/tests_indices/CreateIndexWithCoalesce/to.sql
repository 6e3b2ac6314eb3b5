CREATE TABLE users (
  name TEXT,
  user_name TEXT
);
CREATE INDEX create_index_with_function_call ON users (name, COALESCE(user_name, 'NO_NAME'::TEXT));
