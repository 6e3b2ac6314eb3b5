CREATE TABLE users (
  id bigint NOT NULL,
  status varchar(20) DEFAULT 'active',
  is_active boolean DEFAULT true
);
