GRANT SELECT ON TABLE "public"."users" TO "readonly_user";
GRANT SELECT, INSERT, UPDATE ON TABLE "public"."users" TO "app_user";
