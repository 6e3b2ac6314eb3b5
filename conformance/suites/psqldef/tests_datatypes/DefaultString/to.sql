CREATE TABLE some_table (
  v0 TEXT DEFAULT 'FOO',
  v1 TEXT DEFAULT 'bar'
);
