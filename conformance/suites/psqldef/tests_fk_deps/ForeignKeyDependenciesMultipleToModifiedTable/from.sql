CREATE TABLE users (
  user_id int PRIMARY KEY,
  username VARCHAR(50)
);
CREATE TABLE posts (
  post_id int PRIMARY KEY,
  author_id int,
  reviewer_id int,
  CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (user_id),
  CONSTRAINT posts_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES users (user_id)
);
