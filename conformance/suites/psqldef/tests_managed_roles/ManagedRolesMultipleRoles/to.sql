CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100)
);
GRANT SELECT ON TABLE users TO readonly_user;
GRANT SELECT, INSERT, UPDATE ON TABLE "public"."users" TO "app_user";
