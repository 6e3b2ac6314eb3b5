CREATE TABLE test_some_modify (
  id INTEGER PRIMARY KEY,
  status TEXT CHECK (status = SOME (ARRAY['active', 'pending', 'draft'])),
  category TEXT CHECK (category = SOME (ARRAY['A', 'B', 'C']))
);
