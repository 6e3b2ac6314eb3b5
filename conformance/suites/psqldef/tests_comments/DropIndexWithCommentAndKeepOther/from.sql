CREATE TABLE hoge (
  id integer,
  foo text
);
CREATE INDEX idx_hoge_id ON hoge (id);
CREATE INDEX idx_hoge_foo ON hoge (foo);
COMMENT ON INDEX idx_hoge_id IS 'id index';
COMMENT ON INDEX idx_hoge_foo IS 'foo index';
