GRANT SELECT, INSERT, UPDATE ON TABLE "public"."users" TO "app_user";
GRANT SELECT, INSERT, UPDATE ON TABLE "public"."posts" TO "app_user";
