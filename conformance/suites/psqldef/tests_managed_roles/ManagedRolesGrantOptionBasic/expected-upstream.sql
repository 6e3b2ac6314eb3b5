GRANT SELECT ON TABLE "public"."users" TO "readonly_user" WITH GRANT OPTION;
