GRANT SELECT (f_public, id) ON TABLE "public"."users" TO "readonly_user";
