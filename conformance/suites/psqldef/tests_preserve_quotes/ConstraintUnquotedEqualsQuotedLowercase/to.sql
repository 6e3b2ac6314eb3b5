CREATE TABLE users (
  id int,
  email text,
  CONSTRAINT "email_unique" UNIQUE (email)
);
