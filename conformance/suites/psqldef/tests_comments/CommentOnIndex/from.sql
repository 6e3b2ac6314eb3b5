CREATE TABLE test (id integer);
CREATE INDEX idx_test ON test (id);
