ALTER TABLE public.exclude_example DROP CONSTRAINT ex;
ALTER TABLE public.exclude_example ADD CONSTRAINT ex EXCLUDE USING gist (event_start WITH &&, event_end WITH &&);
