CREATE TABLE products (
  id int,
  price int
);
