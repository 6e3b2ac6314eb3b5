CREATE DOMAIN positive_int AS integer
  DEFAULT 1
  NOT NULL;
