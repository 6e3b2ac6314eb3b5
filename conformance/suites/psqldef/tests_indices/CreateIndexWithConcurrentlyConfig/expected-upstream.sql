CREATE INDEX CONCURRENTLY idx_users_name ON users (name);
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
