CREATE TABLE Users (id int, email text);
CREATE INDEX email_idx ON Users (email);
