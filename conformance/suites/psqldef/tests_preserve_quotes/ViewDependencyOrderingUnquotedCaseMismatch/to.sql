CREATE VIEW user_summary AS SELECT id FROM Users;
CREATE TABLE users (id int PRIMARY KEY);
