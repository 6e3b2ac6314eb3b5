CREATE TABLE posts (
  id bigint NOT NULL,
  comment text NOT NULL,
  PRIMARY KEY (id, comment)
);
