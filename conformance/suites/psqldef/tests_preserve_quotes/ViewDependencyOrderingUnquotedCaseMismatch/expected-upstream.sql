CREATE TABLE users (id int PRIMARY KEY);
CREATE VIEW user_summary AS SELECT id FROM Users;
