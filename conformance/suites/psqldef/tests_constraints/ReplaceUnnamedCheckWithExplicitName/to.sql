CREATE TABLE explicit_check_name (
  a integer CONSTRAINT a_positive CHECK (a > 0)
);
