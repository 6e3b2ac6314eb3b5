CREATE TABLE "Users" (id int);
CREATE TABLE users (id int);
