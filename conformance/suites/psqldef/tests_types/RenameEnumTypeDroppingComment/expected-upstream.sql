ALTER TYPE public.order_state RENAME TO order_status;
COMMENT ON TYPE public.order_status IS NULL;
