CREATE TABLE voltages (
  name varchar NOT NULL
);
