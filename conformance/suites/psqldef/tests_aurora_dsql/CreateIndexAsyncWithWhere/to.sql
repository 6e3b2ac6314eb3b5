CREATE TABLE users (id bigint, email text, active boolean);
CREATE INDEX ASYNC idx_active_users ON users (email) WHERE active = true;
