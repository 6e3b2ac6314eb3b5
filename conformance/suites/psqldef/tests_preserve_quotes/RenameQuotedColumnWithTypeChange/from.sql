CREATE TABLE users (
  id int,
  "UserName" varchar(50)
);
