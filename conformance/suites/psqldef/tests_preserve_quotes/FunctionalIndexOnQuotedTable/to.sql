CREATE TABLE "Users" (id int, "Email" text);
CREATE INDEX email_lower_idx ON "Users" (LOWER("Email"));
