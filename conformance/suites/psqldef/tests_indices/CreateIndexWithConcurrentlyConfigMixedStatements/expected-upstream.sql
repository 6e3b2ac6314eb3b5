ALTER TABLE "public"."users" ADD COLUMN "email" varchar(255);
CREATE INDEX CONCURRENTLY idx_users_name ON users (name);
CREATE INDEX CONCURRENTLY idx_users_email_manual ON users (email);
