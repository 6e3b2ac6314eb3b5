CREATE TABLE users (
  id bigint NOT NULL,
  name varchar(100) NOT NULL DEFAULT 'anonymous',
  email varchar(255)
);
