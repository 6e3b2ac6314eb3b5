ALTER TABLE public.products DROP CONSTRAINT "PriceMustBePositive";
