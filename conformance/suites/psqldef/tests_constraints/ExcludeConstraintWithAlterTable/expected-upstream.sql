ALTER TABLE exclude_example ADD CONSTRAINT ex2 EXCLUDE USING gist (event_start WITH &&, event_end WITH &&);
ALTER TABLE public.exclude_example DROP CONSTRAINT ex1;
