CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE events (id integer, event_range tstzrange);
CREATE INDEX idx_event_range ON events USING gist (event_range);
