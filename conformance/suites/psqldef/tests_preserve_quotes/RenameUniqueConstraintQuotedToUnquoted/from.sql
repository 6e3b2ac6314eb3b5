CREATE TABLE users (
  id int,
  email text,
  CONSTRAINT "Email_Unique" UNIQUE (email)
);
