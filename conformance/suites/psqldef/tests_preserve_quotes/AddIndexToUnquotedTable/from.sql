CREATE TABLE Users (id int, email text);
