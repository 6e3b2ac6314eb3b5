CREATE EXTENSION vector;
CREATE TABLE items (
  id bigserial PRIMARY KEY,
  name text
);
