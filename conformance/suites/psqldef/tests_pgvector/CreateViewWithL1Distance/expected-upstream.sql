CREATE VIEW items_by_l1 AS
  SELECT id, embedding <+> '[1,2,3]'::vector AS l1_distance
  FROM items;
