GRANT INSERT, UPDATE ON TABLE "public"."users" TO "app_user";
