CREATE TABLE users (
  id int,
  "FirstName" text,
  last_name text
);
CREATE INDEX name_idx ON users ("FirstName", last_name);
