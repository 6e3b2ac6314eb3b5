SET search_path TO myschema;
CREATE TABLE orders (id bigint NOT NULL);
