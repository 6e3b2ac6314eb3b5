CREATE TABLE users (
  id integer PRIMARY KEY,
  name text,
  active boolean
);
CREATE VIEW active_users AS
  SELECT id, name FROM users WHERE active = true;
CREATE VIEW active_user_ids AS
  SELECT id FROM active_users;
