COMMENT ON VIEW public.test_view IS 'This is a test view';
