ALTER TABLE public.named_new_column ADD COLUMN b integer;
ALTER TABLE public.named_new_column ADD CONSTRAINT b_positive CHECK (b > 0);
