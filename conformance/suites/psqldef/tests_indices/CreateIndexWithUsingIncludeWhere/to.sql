CREATE TABLE orders (
  id serial,
  user_id int,
  status text,
  total numeric
);
CREATE INDEX idx_active_orders ON orders USING btree (user_id, status) INCLUDE (total) WHERE status = 'active';
