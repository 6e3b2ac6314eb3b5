CREATE DOMAIN clean_text AS text
  CHECK (VALUE !~ '^\s' AND VALUE !~ '\s$');
