ALTER TABLE public.t ADD COLUMN s varchar(64) NOT NULL DEFAULT 'a' || 'b';
