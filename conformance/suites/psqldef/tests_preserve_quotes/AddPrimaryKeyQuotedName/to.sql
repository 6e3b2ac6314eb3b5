CREATE TABLE "Users" ("UserId" int PRIMARY KEY);
