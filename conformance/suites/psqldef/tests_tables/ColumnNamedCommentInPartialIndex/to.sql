CREATE TABLE posts (
  id bigint NOT NULL,
  comment text
);
CREATE INDEX idx_posts_comment_present ON posts (id) WHERE comment IS NOT NULL;
