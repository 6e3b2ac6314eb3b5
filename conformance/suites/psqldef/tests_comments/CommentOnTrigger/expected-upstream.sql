COMMENT ON TRIGGER test_trigger ON public.test IS 'Trigger comment';
