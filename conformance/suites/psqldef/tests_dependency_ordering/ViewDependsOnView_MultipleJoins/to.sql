CREATE TABLE orders (
  id integer PRIMARY KEY,
  user_id integer,
  total numeric(10,2)
);
CREATE TABLE order_items (
  id integer PRIMARY KEY,
  order_id integer,
  quantity integer
);
CREATE VIEW order_summary AS
  SELECT id, user_id, total FROM orders;
CREATE VIEW item_summary AS
  SELECT id, order_id, quantity FROM order_items;
CREATE VIEW complete_order_view AS
  SELECT o.id, o.user_id, o.total, i.quantity
  FROM order_summary o
  JOIN item_summary i ON o.id = i.order_id;
