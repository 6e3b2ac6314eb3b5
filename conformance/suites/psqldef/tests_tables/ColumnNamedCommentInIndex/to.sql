CREATE TABLE posts (
  id bigint NOT NULL,
  comment text NOT NULL
);
CREATE INDEX idx_posts_comment ON posts (id, comment);
