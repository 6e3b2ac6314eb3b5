ALTER TYPE public.order_state RENAME TO order_status;
ALTER TYPE public.order_status RENAME VALUE 'shipping' TO 'shipped';
ALTER TYPE public.order_status ADD VALUE 'delivered';
