CREATE /* @renamed from=order_state */ TYPE order_status AS ENUM ('pending', 'shipped');
DROP TYPE public.order_state;
