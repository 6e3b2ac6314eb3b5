CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE DOMAIN primary_color AS color;
