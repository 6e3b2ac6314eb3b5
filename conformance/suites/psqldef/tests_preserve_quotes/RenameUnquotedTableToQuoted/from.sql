CREATE TABLE user_accounts (
  id int,
  name text
);
