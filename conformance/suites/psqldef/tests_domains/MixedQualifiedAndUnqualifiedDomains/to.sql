CREATE DOMAIN email AS text;
CREATE DOMAIN status_code AS integer;
