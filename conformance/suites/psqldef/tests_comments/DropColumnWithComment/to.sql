CREATE TABLE hoge (
  id serial PRIMARY KEY
);
