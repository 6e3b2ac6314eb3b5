CREATE TABLE transactions (
  id integer PRIMARY KEY,
  category text,
  amount numeric(10,2),
  created_at timestamp
);
CREATE VIEW category_totals AS
  SELECT category, SUM(amount) as total
  FROM transactions
  GROUP BY category;
CREATE VIEW top_categories AS
  SELECT category FROM category_totals
  WHERE total > 1000
  ORDER BY total DESC;
