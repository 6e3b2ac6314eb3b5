ALTER TABLE public.products ADD CONSTRAINT "PriceMustBePositive" CHECK (price > 0);
