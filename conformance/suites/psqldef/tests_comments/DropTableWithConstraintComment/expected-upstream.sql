DROP TABLE public.test;
