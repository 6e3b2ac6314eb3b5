CREATE TABLE public.foo (
  ttl interval DEFAULT interval '2 days'
);
