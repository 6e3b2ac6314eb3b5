COMMENT ON INDEX public.idx_test IS 'Index comment';
