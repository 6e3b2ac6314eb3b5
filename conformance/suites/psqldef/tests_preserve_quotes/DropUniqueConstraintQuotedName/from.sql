CREATE TABLE users (
  id int,
  email text,
  CONSTRAINT "Unique_Email" UNIQUE (email)
);
