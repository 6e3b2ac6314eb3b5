CREATE TABLE foo.items (
  id integer,
  requires_consent boolean NOT NULL DEFAULT true
);
