CREATE TYPE status /* @renamed from=order_state */ AS ENUM ('pending', 'shipped');
