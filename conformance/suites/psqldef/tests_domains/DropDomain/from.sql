CREATE DOMAIN us_postal_code AS text;
