CREATE TABLE "select" (id int);
