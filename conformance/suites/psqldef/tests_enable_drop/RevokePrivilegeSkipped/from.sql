CREATE TABLE users (id bigint);
GRANT SELECT, INSERT ON TABLE "public"."users" TO "app_user";
