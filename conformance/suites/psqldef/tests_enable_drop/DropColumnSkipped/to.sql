CREATE TABLE users (
  id bigint NOT NULL
);
