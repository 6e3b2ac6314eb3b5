COMMENT ON TABLE public."UserProfiles" IS NULL;
