CREATE TABLE test (id integer);
CREATE INDEX idx_test ON test (id);
COMMENT ON INDEX idx_test IS 'Index comment';
