CREATE TABLE bar (
  id serial PRIMARY KEY,
  name varchar(100) NOT NULL
);
COMMENT ON TABLE bar IS 'bar table';
