ALTER TABLE ONLY exclude_example ADD CONSTRAINT ex1 EXCLUDE USING gist (event_start WITH &&, event_end WITH &&);
