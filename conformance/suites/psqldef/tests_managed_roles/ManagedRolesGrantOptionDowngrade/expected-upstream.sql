REVOKE GRANT OPTION FOR SELECT ON TABLE "public"."users" FROM "readonly_user";
