CREATE DOMAIN valid_score AS integer
  CHECK (VALUE >= 0)
  CHECK (VALUE <= 100);
