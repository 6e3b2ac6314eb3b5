CREATE TABLE test_table (
  id serial,
  data text
);
CREATE INDEX idx1 ON test_table USING btree (data) WITH (fillfactor='70');
CREATE INDEX idx2 ON test_table USING btree (id) WITH (fillfactor=80);
