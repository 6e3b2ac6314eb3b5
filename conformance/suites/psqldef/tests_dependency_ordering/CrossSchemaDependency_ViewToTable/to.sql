CREATE SCHEMA core;
CREATE SCHEMA reporting;
CREATE TABLE core.users (
  id integer PRIMARY KEY,
  username text
);
CREATE VIEW reporting.user_list AS
  SELECT id, username FROM core.users;
