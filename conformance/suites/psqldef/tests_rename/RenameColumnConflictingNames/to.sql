CREATE TABLE users (
  id bigint NOT NULL,
  username text,
  user_name varchar(100), -- @renamed from=username
  age integer
);
