ALTER TABLE public.products ADD CONSTRAINT "Price_Positive" CHECK (price > 0);
