CREATE TABLE test_array_typecast (
  id serial PRIMARY KEY,
  reference_image_type character varying CONSTRAINT test_array_typecast_check CHECK (reference_image_type IS NULL OR (reference_image_type::text = ANY (ARRAY['user_uploaded'::character varying, 'common'::character varying, 'generated'::character varying]::text[])))
);
