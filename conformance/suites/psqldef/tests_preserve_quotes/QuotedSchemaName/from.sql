CREATE SCHEMA "MySchema";
CREATE TABLE "MySchema"."Users" (id int);
