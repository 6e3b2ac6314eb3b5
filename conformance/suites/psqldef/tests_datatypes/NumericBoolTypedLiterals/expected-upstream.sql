ALTER TABLE public.events ADD COLUMN ratio numeric DEFAULT 1.5;
ALTER TABLE public.events ADD COLUMN count_i integer DEFAULT 1;
ALTER TABLE public.events ADD COLUMN big_count bigint DEFAULT 2;
ALTER TABLE public.events ADD COLUMN active boolean DEFAULT true;
