CREATE TABLE "UserProfiles" (id int);
