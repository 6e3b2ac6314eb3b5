CREATE TABLE users (id int);
CREATE VIEW activeusers AS SELECT id FROM users;
