CREATE TABLE items (
  id integer,
  name varchar(255) NOT NULL
);
