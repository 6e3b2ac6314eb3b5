CREATE SCHEMA "MySchema";
CREATE TABLE "MySchema".users (id int, quoted_col text);
CREATE SCHEMA myschema;
CREATE TABLE myschema.users (id int, unquoted_col text);
