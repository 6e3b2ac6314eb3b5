CREATE DOMAIN uppercase_text AS text
  CHECK (VALUE = upper(VALUE));
