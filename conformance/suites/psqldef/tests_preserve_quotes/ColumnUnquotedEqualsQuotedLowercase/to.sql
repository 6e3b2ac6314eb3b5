CREATE TABLE users ("name" text);
