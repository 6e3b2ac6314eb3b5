CREATE TABLE public.test (
  col JSONB
);
