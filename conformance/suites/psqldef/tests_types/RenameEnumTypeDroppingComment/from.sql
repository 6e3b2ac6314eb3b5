CREATE TYPE order_state /* @renamed from=order_status */ AS ENUM ('pending', 'shipped');
COMMENT ON TYPE order_state IS 'order lifecycle';
