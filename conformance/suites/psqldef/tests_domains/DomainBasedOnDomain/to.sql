CREATE DOMAIN base_text AS text;
CREATE DOMAIN derived_text AS base_text CHECK (length(VALUE) > 0);
