CREATE DOMAIN password_hash AS text
  NOT NULL
  CHECK (char_length(VALUE) >= 60);
