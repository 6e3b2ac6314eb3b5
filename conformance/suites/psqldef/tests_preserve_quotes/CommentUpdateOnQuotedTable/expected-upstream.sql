COMMENT ON TABLE public."UserProfiles" IS 'New comment';
