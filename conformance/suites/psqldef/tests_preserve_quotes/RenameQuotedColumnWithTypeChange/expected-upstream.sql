ALTER TABLE public.users RENAME COLUMN "UserName" TO username;
ALTER TABLE public.users ALTER COLUMN username TYPE text;
ALTER TABLE public.users ALTER COLUMN username SET NOT NULL;
