COMMENT ON TABLE public."Users" IS 'Quoted Users table';
COMMENT ON TABLE public.users IS 'Unquoted users table';
