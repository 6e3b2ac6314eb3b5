REVOKE INSERT, SELECT, UPDATE ON TABLE "public"."users" FROM "app_user";
