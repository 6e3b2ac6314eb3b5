ALTER TABLE public.users ALTER COLUMN id TYPE integer;
ALTER SEQUENCE public.users_id_seq AS integer;
