CREATE TABLE users (id BIGINT PRIMARY KEY);
CREATE TABLE posts (
  content text,
  user_id bigint
);
ALTER TABLE ONLY public.posts ADD CONSTRAINT posts_ibfk_1 FOREIGN KEY (user_id) REFERENCES users (id) ON UPDATE CASCADE;
