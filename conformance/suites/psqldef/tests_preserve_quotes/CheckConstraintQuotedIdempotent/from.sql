CREATE TABLE "Products" (
  id int PRIMARY KEY,
  "CategoryId" int CHECK ("CategoryId" > 0)
);
