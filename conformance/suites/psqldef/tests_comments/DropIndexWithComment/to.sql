CREATE TABLE hoge (id integer);
