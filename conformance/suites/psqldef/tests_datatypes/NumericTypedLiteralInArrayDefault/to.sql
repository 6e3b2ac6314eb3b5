CREATE TABLE x (
  a numeric[] DEFAULT ARRAY[numeric '1']
);
