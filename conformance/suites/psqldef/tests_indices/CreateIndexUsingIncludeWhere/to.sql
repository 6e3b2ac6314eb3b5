CREATE TABLE orders (
  id serial,
  user_id int,
  status text,
  total numeric
);
CREATE INDEX idx_orders_active ON orders USING btree (user_id, status)
  INCLUDE (total)
  WHERE status = 'active';
