CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100)
);
GRANT SELECT, INSERT, UPDATE ON TABLE "public"."users" TO "app_user";
