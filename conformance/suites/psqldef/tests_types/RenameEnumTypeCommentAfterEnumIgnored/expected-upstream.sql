CREATE TYPE order_status AS ENUM /* @renamed from=order_state */ ('pending', 'shipped');
DROP TYPE public.order_state;
