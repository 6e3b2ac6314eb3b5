CREATE VIEW items_by_cosine AS
  SELECT id, embedding <=> '[1,2,3]'::vector AS distance
  FROM items;
