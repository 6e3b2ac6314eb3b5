ALTER TABLE public.users RENAME COLUMN username TO "UserName";
