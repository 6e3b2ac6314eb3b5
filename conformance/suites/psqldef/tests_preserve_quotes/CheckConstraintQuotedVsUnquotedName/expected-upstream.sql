ALTER TABLE public.products DROP CONSTRAINT "Price_Check";
ALTER TABLE public.products ADD CONSTRAINT price_check CHECK (price > 0);
