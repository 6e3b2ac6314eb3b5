ALTER TYPE public.order_state RENAME TO status;
