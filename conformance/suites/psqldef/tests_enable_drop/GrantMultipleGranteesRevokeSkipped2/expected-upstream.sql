GRANT SELECT ON TABLE "public"."users" TO "admin_role", "app_user", "readonly_user";
