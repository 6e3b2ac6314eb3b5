GRANT ALL PRIVILEGES ON TABLE "public"."users" TO "admin_role";
