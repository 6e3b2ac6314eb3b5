CREATE TABLE foos (
  id bigint PRIMARY KEY
);
CREATE VIEW foos_view AS SELECT 1 AS dummy;
