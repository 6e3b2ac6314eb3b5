-- What entities cannot express on SQLite, each reported per object: a trigger, a table without a primary key, an
-- expression index key, an index key order.
CREATE TABLE logs (message text);
CREATE TABLE items (id integer PRIMARY KEY, name text, updated datetime);
CREATE TRIGGER items_touch AFTER UPDATE ON items BEGIN UPDATE items SET updated = CURRENT_TIMESTAMP WHERE id = NEW.id; END;
CREATE INDEX items_lower ON items (lower(name));
CREATE INDEX items_updated ON items (updated DESC);
