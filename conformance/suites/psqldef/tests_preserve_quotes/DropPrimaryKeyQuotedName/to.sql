CREATE TABLE users (id int NOT NULL);
