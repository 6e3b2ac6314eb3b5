CREATE TABLE users (id bigint, email text);
CREATE INDEX ASYNC idx_users_email ON users (email);
