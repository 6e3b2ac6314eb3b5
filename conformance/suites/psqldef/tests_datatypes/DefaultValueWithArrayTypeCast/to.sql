CREATE TABLE settings (
  id serial,
  allowed_values text[] DEFAULT ARRAY['option1', 'option2']::text[]
);
