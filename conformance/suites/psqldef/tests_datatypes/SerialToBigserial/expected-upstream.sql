ALTER TABLE public.users ALTER COLUMN id TYPE bigint;
ALTER SEQUENCE public.users_id_seq AS bigint;
