COMMENT ON TABLE public."UserAccounts" IS 'User accounts table';
