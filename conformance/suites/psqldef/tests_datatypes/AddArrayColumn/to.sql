CREATE TABLE users (
  id integer,
  name integer[]
);
