CREATE TABLE test_some_modify (
  id INTEGER PRIMARY KEY,
  status TEXT CHECK (status = ALL (ARRAY['active', 'completed', 'archived'])),
  category TEXT CHECK (category = ALL (ARRAY['X', 'Y', 'Z']))
);
