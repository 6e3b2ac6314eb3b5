CREATE TABLE "Users" ("UserId" int PRIMARY KEY);
CREATE TABLE "Orders" (id int PRIMARY KEY, user_id int);
