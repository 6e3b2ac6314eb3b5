CREATE TABLE hoge (
  id integer,
  foo text,
  bar text
);
COMMENT ON COLUMN hoge.id IS 'id column';
COMMENT ON COLUMN hoge.foo IS 'foo column';
COMMENT ON COLUMN hoge.bar IS 'bar column';
