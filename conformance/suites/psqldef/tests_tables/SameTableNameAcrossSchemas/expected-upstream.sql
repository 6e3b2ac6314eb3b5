CREATE SCHEMA test;
CREATE TABLE dummy (id int);
CREATE TABLE test.dummy (id int);
