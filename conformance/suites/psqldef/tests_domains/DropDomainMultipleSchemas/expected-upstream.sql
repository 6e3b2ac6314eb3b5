DROP DOMAIN "public"."public_domain";
DROP DOMAIN "test_schema"."test_domain";
