CREATE TABLE users (
  "key" text
);
CREATE INDEX "index_name" on users (key);
