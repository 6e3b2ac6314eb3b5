CREATE TABLE users (id int, email text, name text);
CREATE INDEX emailindex ON users (email);
