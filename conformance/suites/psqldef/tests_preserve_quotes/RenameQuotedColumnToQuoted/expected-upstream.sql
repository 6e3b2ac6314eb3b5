ALTER TABLE public.users RENAME COLUMN "OldName" TO "NewName";
