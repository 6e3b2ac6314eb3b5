CREATE TABLE users (
  id int,
  "Email" text
);
