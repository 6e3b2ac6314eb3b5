CREATE TABLE m (
  id integer,
  price money DEFAULT '1.00'::money
);
