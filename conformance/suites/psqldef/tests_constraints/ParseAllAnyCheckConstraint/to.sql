CREATE TABLE test (
  n1 int CHECK (n1 = ANY (ARRAY[1, 2, 3])),
  n2 int CHECK (n2 = ALL (ARRAY[1, 2, 3])),
  t1 text CHECK (t1 = SOME (ARRAY['x', 'y']))
);
