ALTER TABLE public.products DROP CONSTRAINT "Price_Positive";
