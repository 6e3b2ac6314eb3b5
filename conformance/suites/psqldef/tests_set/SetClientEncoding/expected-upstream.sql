CREATE TABLE products (id bigint NOT NULL);
