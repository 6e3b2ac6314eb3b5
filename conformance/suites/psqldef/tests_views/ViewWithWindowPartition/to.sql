CREATE TABLE sales (id integer, category text, amount numeric, sale_date date);
CREATE VIEW category_running_totals AS
SELECT id, category, amount, sale_date,
       SUM(amount) OVER (PARTITION BY category ORDER BY sale_date) AS running_total
FROM sales;
