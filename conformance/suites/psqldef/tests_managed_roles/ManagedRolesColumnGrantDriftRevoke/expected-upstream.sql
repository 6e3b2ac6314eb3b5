REVOKE SELECT (f_secret, id) ON TABLE "public"."users" FROM "readonly_user";
GRANT SELECT (id) ON TABLE "public"."users" TO "readonly_user";
