CREATE TABLE audit (
  id bigint,
  note text
);
