CREATE DOMAIN percentage AS numeric(5,2)
  CONSTRAINT min_check CHECK (VALUE >= 0.0)
  CONSTRAINT max_check CHECK (VALUE <= 100.0);
