CREATE SCHEMA myschema;
CREATE TYPE myschema.status AS ENUM (
  'active',
  'waiting' /* @renamed from=pending */
);
