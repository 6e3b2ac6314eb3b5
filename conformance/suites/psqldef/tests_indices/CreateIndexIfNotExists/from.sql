CREATE TABLE users (
  user_id uuid PRIMARY KEY,
  name text
);
