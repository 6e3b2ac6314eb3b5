REVOKE SELECT ON TABLE "public"."users" FROM "app_user";
