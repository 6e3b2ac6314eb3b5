CREATE TABLE test1 (id integer);
CREATE INDEX "MyIndex" ON test1 (id);
COMMENT ON INDEX "MyIndex" IS 'Quoted index comment';
CREATE TABLE test2 (id integer);
CREATE INDEX myindex ON test2 (id);
COMMENT ON INDEX myindex IS 'Unquoted index comment';
