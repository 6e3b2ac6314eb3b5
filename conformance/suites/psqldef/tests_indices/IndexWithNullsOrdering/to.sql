CREATE TABLE test (a integer, b integer);
CREATE INDEX idx_ab ON test (a ASC NULLS FIRST, b DESC NULLS LAST);
