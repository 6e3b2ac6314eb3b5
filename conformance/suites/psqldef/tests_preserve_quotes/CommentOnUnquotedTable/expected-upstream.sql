COMMENT ON TABLE public.useraccounts IS 'User accounts table';
