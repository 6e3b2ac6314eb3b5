COMMENT ON CONSTRAINT "my.constraint" ON public.test IS 'Constraint with dot in name';
