CREATE DOMAIN email AS text CHECK (VALUE ~ '@');
CREATE DOMAIN username AS text CHECK (length(VALUE) >= 3);
CREATE TABLE users (
  id integer PRIMARY KEY,
  name username,
  email email
);
