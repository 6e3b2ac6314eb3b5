ALTER TABLE public.users ALTER COLUMN id TYPE smallint;
ALTER SEQUENCE public.users_id_seq AS smallint;
