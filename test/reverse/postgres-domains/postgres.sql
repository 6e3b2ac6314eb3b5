-- Columns of domains (pagila's `year`, a domain over a domain, one over varchar(n), an array of a domain, one in
-- another schema): each is declared as the domain's base type; plans against the entities leave the domains alone.
CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
CREATE DOMAIN recent_year AS year CHECK (VALUE >= 2000);
CREATE DOMAIN email AS varchar(254) CHECK (VALUE LIKE '%@%');
CREATE SCHEMA billing;
CREATE DOMAIN billing.amount AS numeric(10,2) NOT NULL CHECK (VALUE >= 0);
CREATE TABLE films (
  id serial PRIMARY KEY,
  release_year year DEFAULT 2000,
  remade recent_year,
  contact email,
  years year[],
  price billing.amount
);
INSERT INTO films (release_year, remade, contact, years, price) VALUES (1999, 2005, 'a@b.c', '{1990,2000}', 9.99);
