ALTER TABLE public.explicit_check_name DROP CONSTRAINT explicit_check_name_a_check;
ALTER TABLE public.explicit_check_name ADD CONSTRAINT a_positive CHECK (a > 0);
