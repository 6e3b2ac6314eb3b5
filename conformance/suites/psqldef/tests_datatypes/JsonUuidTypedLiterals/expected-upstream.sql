ALTER TABLE public.events ADD COLUMN payload json DEFAULT '{}';
ALTER TABLE public.events ADD COLUMN payload_b jsonb DEFAULT '{}';
ALTER TABLE public.events ADD COLUMN token uuid DEFAULT '00000000-0000-0000-0000-000000000000';
