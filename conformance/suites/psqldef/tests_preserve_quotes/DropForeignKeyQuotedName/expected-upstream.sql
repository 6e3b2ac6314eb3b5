ALTER TABLE public.orders DROP CONSTRAINT "FK_Orders_Users";
