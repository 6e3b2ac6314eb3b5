CREATE TABLE users ("Name" text NOT NULL, name text NOT NULL);
