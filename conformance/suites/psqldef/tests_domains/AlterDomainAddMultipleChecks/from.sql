CREATE DOMAIN valid_score AS integer;
