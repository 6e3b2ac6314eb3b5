ALTER TABLE public.children ADD CONSTRAINT children_fk FOREIGN KEY (parent_id,PERIOD valid_range) REFERENCES public.parents (id,PERIOD valid_range);
