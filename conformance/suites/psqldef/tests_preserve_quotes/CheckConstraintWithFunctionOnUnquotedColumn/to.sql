CREATE TABLE users (id int, username text CHECK (LENGTH(username) > 0));
