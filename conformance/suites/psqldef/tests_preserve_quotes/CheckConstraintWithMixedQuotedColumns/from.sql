CREATE TABLE users (id int, "StartDate" date, end_date date);
