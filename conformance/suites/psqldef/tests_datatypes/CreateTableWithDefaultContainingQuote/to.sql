CREATE TABLE test (
  thing text default 'it''s free real estate'
);
