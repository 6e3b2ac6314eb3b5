CREATE TYPE order_status /* @renamed from=order_state */ AS ENUM ( /* @renamed from=other_state */
  'pending',
  'shipped'
);
