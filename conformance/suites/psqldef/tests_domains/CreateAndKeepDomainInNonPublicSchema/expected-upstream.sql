CREATE DOMAIN test_schema.my_domain AS text;
