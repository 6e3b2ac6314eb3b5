CREATE TABLE foos (
  id bigint PRIMARY KEY
);
