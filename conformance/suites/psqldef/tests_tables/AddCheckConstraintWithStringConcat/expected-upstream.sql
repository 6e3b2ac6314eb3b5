ALTER TABLE public.t ADD CONSTRAINT s_prefixed CHECK (length(s || '_suffix') > 7);
