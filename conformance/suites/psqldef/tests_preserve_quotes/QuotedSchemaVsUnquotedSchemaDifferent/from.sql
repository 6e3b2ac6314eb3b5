CREATE SCHEMA "MySchema";
CREATE TABLE "MySchema".test (id int);
