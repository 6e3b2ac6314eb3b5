ALTER TABLE public.users RENAME COLUMN username TO user_name;
COMMENT ON COLUMN public.users.user_name IS 'user name column';
