REVOKE USAGE ON SEQUENCE "public"."counters_n_seq" FROM "app_user";
