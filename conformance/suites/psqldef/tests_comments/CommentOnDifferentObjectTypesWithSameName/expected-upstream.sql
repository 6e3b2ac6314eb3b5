COMMENT ON TYPE public.foo IS 'updated type comment';
