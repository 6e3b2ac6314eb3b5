CREATE TABLE hoge (
  id serial PRIMARY KEY,
  foo text,
  bar text,
  baz text
);
COMMENT ON COLUMN hoge.foo IS 'foo column';
COMMENT ON COLUMN hoge.bar IS 'bar column';
COMMENT ON COLUMN hoge.baz IS 'baz column';
