ALTER TABLE public.old_users RENAME TO new_users;
COMMENT ON TABLE public.new_users IS 'New users table';
