CREATE TABLE "select" (id int, "from" text);
