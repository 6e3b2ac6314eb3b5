CREATE SCHEMA myschema;
CREATE TYPE myschema.status AS ENUM ('active', 'pending');
