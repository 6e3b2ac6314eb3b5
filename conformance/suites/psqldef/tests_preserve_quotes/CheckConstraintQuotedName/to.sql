CREATE TABLE products (
  id int,
  price int CONSTRAINT "Price_Positive" CHECK (price > 0)
);
