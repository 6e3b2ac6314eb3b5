CREATE TABLE public.foo (
  expires_at timestamp with time zone DEFAULT now() + interval '3 days'
);
