CREATE TABLE users (
  id bigint NOT NULL
);
CREATE TABLE animals (
  id serial,
  age INTEGER CHECK (age IN (0, 1, 2, 3, 4, 5)),
  UNIQUE (age)
);
