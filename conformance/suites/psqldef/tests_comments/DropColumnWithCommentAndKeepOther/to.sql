CREATE TABLE hoge (
  id integer,
  bar text
);
COMMENT ON COLUMN hoge.id IS 'id column';
