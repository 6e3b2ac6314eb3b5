CREATE TABLE users (id int, "UserName" text);
