CREATE TABLE users (
  id int,
  "UserName" text -- @renamed from=username
);
