-- The issue's example: an `int` primary key (not an alias of the rowid, unlike `integer`) that another table references.
CREATE TABLE parent (id int PRIMARY KEY, n int);
CREATE TABLE child (id integer PRIMARY KEY, parent_id int REFERENCES parent (id));
INSERT INTO parent VALUES (1, 10), (2, 20);
INSERT INTO child VALUES (1, 1), (2, 2), (3, NULL);
