CREATE TABLE public.foo (
  ttl interval DEFAULT interval '1 day'
);
