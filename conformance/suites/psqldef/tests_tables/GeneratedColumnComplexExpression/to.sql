CREATE TABLE orders (
  quantity integer NOT NULL,
  unit_price numeric(10,2) NOT NULL,
  discount_pct numeric(5,2) DEFAULT 0,
  total numeric(10,2) GENERATED ALWAYS AS (quantity * unit_price * (1 - discount_pct / 100)) STORED
);
