COMMENT ON DOMAIN public.email IS 'Email address domain';
