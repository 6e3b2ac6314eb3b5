REVOKE SELECT ON SEQUENCE "public"."counters_n_seq" FROM "app_user";
REVOKE SELECT (f_secret, id) ON TABLE "public"."counters" FROM "app_user";
GRANT SELECT (id) ON TABLE "public"."counters" TO "app_user";
