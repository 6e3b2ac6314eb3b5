CREATE TABLE orders (id integer, status text);
CREATE INDEX idx_orders_pending ON orders (id)
WHERE status IN ('pending');
