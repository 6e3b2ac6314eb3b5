GRANT UPDATE ON SEQUENCE "public"."counters_n_seq" TO "app_user" WITH GRANT OPTION;
