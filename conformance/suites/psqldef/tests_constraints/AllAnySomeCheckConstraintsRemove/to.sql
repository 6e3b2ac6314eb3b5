CREATE TABLE test_all_any (
  id INTEGER PRIMARY KEY,
  state TEXT,
  all_positive INTEGER,
  some_text TEXT,
  score INTEGER
);
