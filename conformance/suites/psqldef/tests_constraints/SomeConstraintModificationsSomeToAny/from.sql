CREATE TABLE test_some_modify (
  id INTEGER PRIMARY KEY,
  status TEXT CHECK (status = SOME (ARRAY['active', 'completed', 'archived'])),
  category TEXT CHECK (category = SOME (ARRAY['X', 'Y', 'Z']))
);
