CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100)
);
GRANT SELECT ON TABLE users TO readonly_user;
GRANT ALL PRIVILEGES ON TABLE "public"."users" TO "admin_role";
