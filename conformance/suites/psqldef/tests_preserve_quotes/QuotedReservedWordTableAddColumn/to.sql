CREATE TABLE "order" (id int, "group" text NOT NULL);
