ALTER TABLE public.users RENAME COLUMN "UserName" TO username;
