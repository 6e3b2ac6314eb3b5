REVOKE INSERT, UPDATE ON TABLE "public"."users" FROM "app_user";
