ALTER TABLE public.audit ADD CONSTRAINT note_ck CHECK (note <> 'DROP TABLE');
