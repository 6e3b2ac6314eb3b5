COMMENT ON COLUMN public.users.username IS 'User display name';
