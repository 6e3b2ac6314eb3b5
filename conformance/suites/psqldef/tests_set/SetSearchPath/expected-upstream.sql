CREATE TABLE items (id bigint NOT NULL);
