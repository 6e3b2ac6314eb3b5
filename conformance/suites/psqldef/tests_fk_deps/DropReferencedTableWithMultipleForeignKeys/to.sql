CREATE TABLE sales (
  sales_id int PRIMARY KEY,
  user_id int
);
CREATE TABLE items (
  item_id int PRIMARY KEY,
  user_id int
);
