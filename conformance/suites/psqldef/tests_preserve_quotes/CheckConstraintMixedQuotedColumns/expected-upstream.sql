ALTER TABLE public.orders ADD CONSTRAINT "Price_Range" CHECK (min_price < max_price);
