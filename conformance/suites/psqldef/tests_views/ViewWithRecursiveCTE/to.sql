CREATE VIEW test_view AS
WITH RECURSIVE cte AS (
  SELECT 1 AS n
  UNION ALL
  SELECT cte_1.n + 1
  FROM cte cte_1
  WHERE cte_1.n < 10
)
SELECT cte.n
FROM cte;
