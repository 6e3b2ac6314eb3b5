CREATE TABLE categories (category_id int PRIMARY KEY);
CREATE TABLE products (
  id int PRIMARY KEY,
  "CategoryId" int
);
