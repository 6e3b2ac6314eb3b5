CREATE TABLE users (
  id bigint NOT NULL,
  status varchar(20) DEFAULT 'pending',
  is_active boolean DEFAULT false
);
