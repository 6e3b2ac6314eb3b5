CREATE TABLE users (
  id int,
  email text,
  name text,
  CONSTRAINT "Unique_Email" UNIQUE (email, name)
);
