CREATE TYPE order_status /* @renamed from=order_state */ AS ENUM ('pending', 'shipped');
CREATE TABLE orders (
  id bigint NOT NULL PRIMARY KEY,
  status order_status NOT NULL DEFAULT 'pending',
  prev_status order_status
);
CREATE TABLE shipments (
  id bigint NOT NULL PRIMARY KEY,
  status order_status
);
