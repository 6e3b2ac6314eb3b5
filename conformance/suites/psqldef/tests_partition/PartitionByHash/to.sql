CREATE TABLE sessions (
  id bigint NOT NULL,
  user_id bigint NOT NULL
) PARTITION BY HASH (user_id);
