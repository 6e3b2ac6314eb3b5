CREATE SCHEMA test_schema;
CREATE DOMAIN test_schema.test_domain AS text;
CREATE DOMAIN public_domain AS integer;
