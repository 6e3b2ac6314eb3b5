COMMENT ON CONSTRAINT test_pkey ON public.test IS 'Primary key constraint';
