CREATE TABLE test_names (name text);
CREATE INDEX idx_name_ci ON test_names (name COLLATE "C");
