CREATE TABLE users ("Email" text, "Username" text);
