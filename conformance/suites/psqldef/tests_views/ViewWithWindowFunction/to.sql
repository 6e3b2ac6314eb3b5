CREATE TABLE sales (id integer, amount numeric, sale_date date);
CREATE VIEW sales_with_running_total AS
SELECT id, amount, sale_date,
       SUM(amount) OVER (ORDER BY sale_date) AS running_total
FROM sales;
