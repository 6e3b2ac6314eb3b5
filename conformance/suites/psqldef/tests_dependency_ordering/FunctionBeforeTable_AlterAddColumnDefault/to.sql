CREATE FUNCTION generate_item_id() RETURNS text AS $$ BEGIN RETURN 'item_' || md5(random()::text); END; $$ LANGUAGE plpgsql VOLATILE;
CREATE TABLE items (
  id bigint NOT NULL PRIMARY KEY,
  external_id text NOT NULL DEFAULT generate_item_id()
);
