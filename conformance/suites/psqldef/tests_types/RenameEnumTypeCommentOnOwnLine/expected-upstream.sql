ALTER TYPE public.order_state RENAME TO order_status;
