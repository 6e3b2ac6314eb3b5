CREATE TABLE users (
    user_id uuid PRIMARY KEY,
    status VARCHAR(255)
);
CREATE UNIQUE INDEX idx_users_status_is_active ON users (status) WHERE status = 'active';
