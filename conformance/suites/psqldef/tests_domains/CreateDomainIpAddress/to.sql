CREATE DOMAIN ipv4_address AS inet
  CHECK (family(VALUE) = 4);
