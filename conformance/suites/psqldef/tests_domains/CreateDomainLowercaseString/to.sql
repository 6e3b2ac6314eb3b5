CREATE DOMAIN lowercase_identifier AS text
  CHECK (VALUE = lower(VALUE) AND VALUE ~ '^[a-z0-9_]+$');
