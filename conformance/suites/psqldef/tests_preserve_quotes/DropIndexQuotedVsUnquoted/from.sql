CREATE TABLE users (id int, email text, name text);
CREATE INDEX "NameIndex" ON users (name);
CREATE INDEX emailindex ON users (email);
