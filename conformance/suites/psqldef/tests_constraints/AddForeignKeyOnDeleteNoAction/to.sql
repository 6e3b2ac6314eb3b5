CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE posts (
  id bigint PRIMARY KEY,
  user_id bigint
);
ALTER TABLE posts ADD CONSTRAINT posts_user_fk
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE NO ACTION;
