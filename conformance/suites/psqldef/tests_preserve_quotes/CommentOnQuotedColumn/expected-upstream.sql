COMMENT ON COLUMN public.users."UserName" IS 'User display name';
