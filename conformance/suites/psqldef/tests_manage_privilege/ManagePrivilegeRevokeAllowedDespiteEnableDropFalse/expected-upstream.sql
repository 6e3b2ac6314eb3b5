REVOKE INSERT ON TABLE "public"."users" FROM "app_user";
