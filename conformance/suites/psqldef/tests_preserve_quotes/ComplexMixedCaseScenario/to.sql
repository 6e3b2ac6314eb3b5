CREATE TABLE "UserProfiles" (
  "UserId" int PRIMARY KEY,
  user_name text NOT NULL,
  "CreatedAt" timestamp DEFAULT CURRENT_TIMESTAMP
);
