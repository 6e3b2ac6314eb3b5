CREATE TABLE users (id bigint);
