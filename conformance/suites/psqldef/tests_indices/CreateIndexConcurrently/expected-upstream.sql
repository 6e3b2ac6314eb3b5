CREATE INDEX CONCURRENTLY username on users (name);
