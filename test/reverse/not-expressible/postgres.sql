-- What entities cannot express, each reported per object: a standalone sequence, a function, a trigger, a table
-- without a primary key, an expression index key, an index key order.
CREATE SEQUENCE counter START 100;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE TABLE logs (message text);
CREATE TABLE items (id serial PRIMARY KEY, name text, updated timestamptz);
CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
CREATE INDEX items_lower ON items (lower(name));
CREATE INDEX items_updated ON items (updated DESC);
