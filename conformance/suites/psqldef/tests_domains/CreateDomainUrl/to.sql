CREATE DOMAIN web_url AS text
  CHECK (VALUE ~ '^https?://[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}(/.*)?$');
