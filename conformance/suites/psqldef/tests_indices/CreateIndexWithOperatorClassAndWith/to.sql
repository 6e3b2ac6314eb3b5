CREATE TABLE text_data (
  id serial,
  content text
);
CREATE INDEX idx_content_pattern ON text_data USING btree (content text_pattern_ops) WITH (fillfactor=90);
