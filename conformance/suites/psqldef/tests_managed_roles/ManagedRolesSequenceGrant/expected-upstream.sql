GRANT USAGE, SELECT ON SEQUENCE "public"."counters_n_seq" TO "readonly_user";
