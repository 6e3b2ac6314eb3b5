CREATE SCHEMA myschema;
CREATE TABLE myschema.test (name text);
