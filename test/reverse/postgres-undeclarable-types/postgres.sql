-- Types TypeORM does not know on PostgreSQL (not domains): declared as text, which a plan converts them to, values kept.
CREATE TYPE pair AS (a integer, b text);
CREATE TABLE odd (id integer PRIMARY KEY, tid oid, rel name, p pair, tids oid[]);
INSERT INTO odd VALUES (1, 42, 'pg_class', ROW(1, 'x'), '{1,2}'), (2, NULL, 'other', NULL, NULL);
