CREATE TABLE users (
  user_id int NOT NULL,
  username VARCHAR(50),
  tenant_id int NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
);
CREATE TABLE posts (
  post_id int PRIMARY KEY,
  author_id int,
  author_tenant_id int,
  reviewer_id int,
  reviewer_tenant_id int,
  CONSTRAINT posts_author_fk FOREIGN KEY (author_tenant_id, author_id)
    REFERENCES users (tenant_id, user_id),
  CONSTRAINT posts_reviewer_fk FOREIGN KEY (reviewer_tenant_id, reviewer_id)
    REFERENCES users (tenant_id, user_id)
);
