ALTER TABLE public.products ADD CONSTRAINT "Positive_Price" CHECK (price > 0);
