GRANT INSERT ON TABLE "public"."users" TO "app_user";
