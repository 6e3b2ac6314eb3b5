CREATE TABLE users (
  id bigint NOT NULL,
  status varchar(20) DEFAULT 'active',
  priority int DEFAULT 1
);
