DROP TABLE public.test1;
