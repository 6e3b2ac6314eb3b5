CREATE TABLE "Users" (id int, "Email" text);
COMMENT ON TABLE "Users" IS 'Users table';
COMMENT ON COLUMN "Users"."Email" IS 'User email address';
