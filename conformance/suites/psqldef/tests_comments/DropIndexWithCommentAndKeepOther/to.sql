CREATE TABLE hoge (
  id integer,
  foo text
);
CREATE INDEX idx_hoge_id ON hoge (id);
COMMENT ON INDEX idx_hoge_id IS 'id index';
