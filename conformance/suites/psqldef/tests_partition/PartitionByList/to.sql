CREATE TABLE orders (
  id bigint NOT NULL,
  region text NOT NULL
) PARTITION BY LIST (region);
