CREATE TABLE timestamps (
  created_at timestamp
);
