CREATE DOMAIN positive_number AS integer
  CONSTRAINT positive_check CHECK (VALUE > 0);
