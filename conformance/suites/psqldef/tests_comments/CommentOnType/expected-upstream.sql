COMMENT ON TYPE public.status_type IS 'Status enumeration type';
