CREATE TABLE accounts (
  id bigint NOT NULL PRIMARY KEY
);
