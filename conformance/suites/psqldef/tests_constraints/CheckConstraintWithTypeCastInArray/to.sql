CREATE TABLE test_check_typecast (
  id serial PRIMARY KEY,
  status character varying CONSTRAINT test_check_typecast_status_check CHECK (status::text = ANY (ARRAY['active'::character varying::text, 'pending'::character varying::text]))
);
