CREATE TABLE test_some_modify (
  id INTEGER PRIMARY KEY,
  status TEXT CHECK (status = ANY (ARRAY['active', 'completed', 'archived'])),
  category TEXT CHECK (category = ANY (ARRAY['X', 'Y', 'Z']))
);
