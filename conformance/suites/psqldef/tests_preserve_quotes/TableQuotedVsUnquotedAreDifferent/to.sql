CREATE TABLE "Users" (id int, name text);
CREATE TABLE users (id int, email text);
