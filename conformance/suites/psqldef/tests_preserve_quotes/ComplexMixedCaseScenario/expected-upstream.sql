ALTER TABLE public."UserProfiles" ALTER COLUMN user_name SET NOT NULL;
ALTER TABLE public."UserProfiles" ADD COLUMN "CreatedAt" timestamp DEFAULT current_timestamp;
ALTER TABLE public."UserProfiles" ADD PRIMARY KEY ("UserId");
