CREATE TABLE users (
  id bigint NOT NULL,
  username text, -- @renamed from="user name"
  email_address varchar(100), -- @renamed from="email@address"
  age integer
);
