COMMENT ON TABLE public."Users" IS 'Users table';
COMMENT ON COLUMN public."Users"."Email" IS 'User email address';
