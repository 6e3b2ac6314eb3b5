CREATE DOMAIN required_text AS text
  NOT NULL
  CHECK (VALUE != '' AND char_length(VALUE) > 0);
