CREATE TYPE order_status AS ENUM (
  /* @renamed from=order_state */
  'pending',
  'shipped'
);
