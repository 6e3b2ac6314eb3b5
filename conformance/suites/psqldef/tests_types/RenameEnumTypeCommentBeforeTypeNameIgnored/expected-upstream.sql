CREATE TYPE /* @renamed from=order_state */ order_status AS ENUM ('pending', 'shipped');
DROP TYPE public.order_state;
