CREATE TABLE events (
  id serial PRIMARY KEY,
  payload json DEFAULT json '{}',
  payload_b jsonb DEFAULT jsonb '{}',
  token uuid DEFAULT uuid '00000000-0000-0000-0000-000000000000'
);
