CREATE SCHEMA test_schema;
