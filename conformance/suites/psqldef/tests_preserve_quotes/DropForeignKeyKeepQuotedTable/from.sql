CREATE TABLE "Users" ("UserId" int PRIMARY KEY);
CREATE TABLE "Orders" (
  id int PRIMARY KEY,
  user_id int,
  CONSTRAINT "FK_Order_User" FOREIGN KEY (user_id) REFERENCES "Users" ("UserId")
);
