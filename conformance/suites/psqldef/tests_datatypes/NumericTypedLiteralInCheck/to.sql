CREATE TABLE x (
  a numeric CONSTRAINT c1 CHECK (a = numeric '1'),
  b numeric CONSTRAINT c2 CHECK (b = numeric '1.5')
);
