SET client_encoding = 'UTF8';
CREATE TABLE products (id bigint NOT NULL);
