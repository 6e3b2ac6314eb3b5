CREATE SCHEMA "MySchema";
CREATE TABLE "MySchema".users (id int);
