CREATE TABLE "Users" (
  id int,
  "OrderId" int
);
