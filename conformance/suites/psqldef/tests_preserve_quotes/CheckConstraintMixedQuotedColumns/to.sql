CREATE TABLE orders (
  id int,
  min_price int,
  max_price int,
  CONSTRAINT "Price_Range" CHECK (min_price < max_price)
);
