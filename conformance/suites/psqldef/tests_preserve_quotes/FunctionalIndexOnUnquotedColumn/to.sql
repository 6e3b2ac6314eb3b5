CREATE TABLE users (id int, username text);
CREATE INDEX username_lower_idx ON users (LOWER(username));
