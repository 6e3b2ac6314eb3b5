CREATE TABLE timestamps (
  created_at timestamp default current_timestamp
);
