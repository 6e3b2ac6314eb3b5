CREATE TABLE test2 (id integer);
CREATE INDEX myindex ON test2 (id);
COMMENT ON INDEX myindex IS 'Unquoted index comment';
