CREATE TABLE "public"."domains" (
  id                    SERIAL PRIMARY KEY,
  name                  VARCHAR(255) NOT NULL,
  CONSTRAINT c_lowercase_name CHECK (((name)::TEXT = LOWER((name)::TEXT)))
);
