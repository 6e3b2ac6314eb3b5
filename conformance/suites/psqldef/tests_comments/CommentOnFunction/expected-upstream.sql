COMMENT ON FUNCTION public.test_func() IS 'This is a test function';
