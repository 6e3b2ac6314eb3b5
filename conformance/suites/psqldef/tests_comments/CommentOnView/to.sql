CREATE TABLE test (id integer);
CREATE VIEW test_view AS SELECT id FROM test;
COMMENT ON VIEW test_view IS 'This is a test view';
