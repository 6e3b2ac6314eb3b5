CREATE TYPE order_status AS ENUM ('pending', 'shipped');
CREATE TABLE customers (
  id SERIAL PRIMARY KEY
);
CREATE TABLE orders (
  id SERIAL PRIMARY KEY,
  status order_status NOT NULL
);
